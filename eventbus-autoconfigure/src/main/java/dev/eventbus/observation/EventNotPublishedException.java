package dev.eventbus.observation;

/**
 * The error of an {@code eventbus.publish} observation whose event the broker did not accept
 * although the call reached it (a rejected batch entry, a missing topic, an earlier event of
 * the same entity that failed); its message is the reason recorded on the outbox row. When the
 * broker cannot be reached the error is the client's exception instead.
 */
public final class EventNotPublishedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param reason why the event was not published
	 */
	public EventNotPublishedException(String reason) {
		super(reason, null, false, false);
	}

}
