package dev.eventbus.outbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An outbox row not yet published, as the relay reads it.
 *
 * @param id the row id (commit order)
 * @param eventId the event id
 * @param channel the channel
 * @param action the action in wire form
 * @param entityId the entity id, if any
 * @param topic the name of the topic the event goes to, or {@code null} for an event written
 * before the outbox recorded topics (it then goes to the relaying application's topic of its
 * channel)
 * @param publisher the publisher recorded with the event (as in its body); for an event without
 * a recorded topic, ignored in favour of the relaying application's
 * @param body the message body
 * @param attempts how many publish attempts failed before
 * @param nextAttemptAt the earliest time of the next attempt (the time of capture until an
 * attempt fails)
 * @param partition the partition the row was written to (see {@link Partitions}; 0 for rows
 * written before the outbox had partitions)
 * @param traceContext the trace context stored at capture, {@code null} for a row captured
 * without one (the publish span then starts a trace of its own)
 */
public record PendingEvent(long id, UUID eventId, String channel, String action, @Nullable String entityId,
		@Nullable String topic, @Nullable String publisher, String body, int attempts, Instant nextAttemptAt,
		int partition, @Nullable String traceContext) {

	/**
	 * A row without a stored trace context.
	 * @param id the row id
	 * @param eventId the event id
	 * @param channel the channel
	 * @param action the action in wire form
	 * @param entityId the entity id, if any
	 * @param topic the recorded topic name, if any
	 * @param publisher the recorded publisher, if any
	 * @param body the message body
	 * @param attempts failed attempts so far
	 * @param nextAttemptAt the earliest time of the next attempt
	 * @param partition the partition
	 */
	public PendingEvent(long id, UUID eventId, String channel, String action, @Nullable String entityId,
			@Nullable String topic, @Nullable String publisher, String body, int attempts, Instant nextAttemptAt,
			int partition) {
		this(id, eventId, channel, action, entityId, topic, publisher, body, attempts, nextAttemptAt, partition, null);
	}

	/**
	 * The key within which events keep their order: {@code channel:entityId}.
	 * @return the ordering key
	 */
	public String orderingKey() {
		return (this.entityId != null) ? this.channel + ":" + this.entityId : this.channel;
	}

}
