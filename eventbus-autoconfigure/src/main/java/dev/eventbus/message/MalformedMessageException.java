package dev.eventbus.message;

import org.jspecify.annotations.Nullable;

/**
 * A message that is not an eventbus event or whose payload does not fit the listener. Such a
 * message is never retried: it goes to the listener's dead-letter queue.
 */
public class MalformedMessageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param reason why the message is malformed
	 * @param cause the underlying error, if any
	 */
	public MalformedMessageException(String reason, @Nullable Throwable cause) {
		super(reason, cause);
	}

}
