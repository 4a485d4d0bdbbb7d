package dev.eventbus;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A published event read back from the {@link EventLog}.
 *
 * @param position its position in the log (pass it to {@link EventLog#read} to read the events
 * after it)
 * @param eventId the unique id of the event, as in the message
 * @param channel the channel
 * @param action the action on the wire, for example {@code created}
 * @param entityId the entity's id as text, {@code null} for an event that concerns no entity
 * @param occurredAt when the event was captured, as the message's {@code occurredAt}
 * @param publishedAt when the relay sent it
 * @param payload the payload, converted to the type asked for
 * @param <T> the payload type
 */
public record LoggedEvent<T>(EventLogPosition position, String eventId, String channel, String action,
		@Nullable String entityId, Instant occurredAt, Instant publishedAt, T payload) {
}
