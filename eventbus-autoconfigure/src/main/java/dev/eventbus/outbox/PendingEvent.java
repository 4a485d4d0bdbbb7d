package dev.eventbus.outbox;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An outbox row claimed for publishing.
 *
 * @param id the row id (commit order)
 * @param eventId the event id
 * @param channel the channel
 * @param action the action in wire form
 * @param entityId the entity id, if any
 * @param body the message body
 * @param attempts how many publish attempts failed before
 */
public record PendingEvent(long id, UUID eventId, String channel, String action, @Nullable String entityId,
		String body, int attempts) {

	/**
	 * The key within which events keep their order: {@code channel:entityId}.
	 * @return the ordering key
	 */
	public String orderingKey() {
		return (this.entityId != null) ? this.channel + ":" + this.entityId : this.channel;
	}

}
