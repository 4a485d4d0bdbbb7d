package dev.eventbus;

import org.jspecify.annotations.Nullable;

/**
 * An event whose message would exceed the SNS message size limit. Thrown at capture time (or by
 * {@link EventBus#publish(String, String, Object)}), so the transaction that made the change
 * fails instead of losing the event later.
 */
public class EventTooLargeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception for an entity's event.
	 * @param channel the event's channel
	 * @param entityId the entity id
	 * @param size the message size in bytes
	 * @param limit the largest allowed size in bytes
	 */
	public EventTooLargeException(String channel, String entityId, int size, int limit) {
		this(channel, entityId, size, limit, "exclude large attributes with @PublishEvents(exclude = ...)");
	}

	/**
	 * Creates the exception with the way out.
	 * @param channel the event's channel
	 * @param key the entity id or event key, {@code null} for none
	 * @param size the message size in bytes
	 * @param limit the largest allowed size in bytes
	 * @param fix what makes the message smaller
	 */
	public EventTooLargeException(String channel, @Nullable String key, int size, int limit, String fix) {
		super("Event of channel '" + channel + "'" + ((key != null) ? " for entity " + key : "") + " is " + size
				+ " bytes, more than the " + limit + " bytes SNS accepts; " + fix);
	}

}
