package dev.eventbus.outbox;

/**
 * The outbox table could not be read or written.
 */
public class OutboxException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what failed
	 * @param cause the database error
	 */
	public OutboxException(String message, Throwable cause) {
		super(message, cause);
	}

}
