package dev.eventbus.consume;

/**
 * A listener method threw a checked exception. The message stays in the queue and is
 * delivered again after the visibility timeout.
 */
public class ListenerExecutionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param method the listener method
	 * @param cause what it threw
	 */
	public ListenerExecutionException(String method, Throwable cause) {
		super("@Listener method " + method + " failed: " + cause, cause);
	}

}
