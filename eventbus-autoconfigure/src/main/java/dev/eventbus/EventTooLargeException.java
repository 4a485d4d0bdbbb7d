package dev.eventbus;

/**
 * An event whose message would exceed the SNS message size limit. Thrown at capture time, so
 * the transaction that made the change fails instead of losing the event later.
 */
public class EventTooLargeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param channel the event's channel
	 * @param entityId the entity id
	 * @param size the message size in bytes
	 * @param limit the largest allowed size in bytes
	 */
	public EventTooLargeException(String channel, String entityId, int size, int limit) {
		super("Event of channel '" + channel + "' for entity " + entityId + " is " + size
				+ " bytes, more than the " + limit + " bytes SNS accepts; exclude large attributes with "
				+ "@PublishEvents(exclude = ...)");
	}

}
