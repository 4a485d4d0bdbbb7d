package dev.eventbus;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An event as a listener receives it: the envelope of the message with the payload converted
 * to the listener's type.
 *
 * @param eventId the unique id of the event
 * @param channel the channel, for example {@code Order}
 * @param action what happened
 * @param entityType the entity's JPA entity name, for example {@code Order}
 * @param entityId the entity's id as text
 * @param occurredAt when the change was captured
 * @param publisher the publishing application: its {@code eventbus.publish.publisher}, else its
 * {@code spring.application.name}; {@code null} if it had neither
 * @param version the envelope format version
 * @param entityVersion the entity's JPA {@code @Version} value after the change, as read from the
 * JSON: an {@link Integer} or {@link Long} for a numeric version, a {@link String} (ISO-8601) for a
 * timestamp version; {@code null} if the entity has no version
 * @param payload the entity's published state
 * @param changes for {@link Action#UPDATED}, the changed attributes with old and new values;
 * empty otherwise
 * @param <T> the payload type
 */
public record EntityEvent<T>(String eventId, String channel, Action action, String entityType,
		@Nullable String entityId, Instant occurredAt, @Nullable String publisher, int version,
		@Nullable Object entityVersion, T payload, Map<String, Change> changes) {

	/**
	 * The old and new value of one changed attribute.
	 *
	 * @param oldValue the value before the update (on the wire: {@code old})
	 * @param newValue the value after the update (on the wire: {@code new})
	 */
	public record Change(@Nullable Object oldValue, @Nullable Object newValue) {
	}

}
