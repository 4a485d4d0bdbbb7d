package dev.eventbus.consume;

/**
 * A message that cannot be read or bound could not be moved to the dead-letter queue. The
 * error handler backs off and leaves it in the queue: the move is tried again on its next
 * delivery (and SQS's redrive policy moves it after the last one), instead of dead-lettering it
 * as a listener failure.
 */
final class PoisonNotMovedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param what the message and its queue, for logs
	 * @param cause why the dead-letter queue did not take it
	 */
	PoisonNotMovedException(String what, RuntimeException cause) {
		super("eventbus could not move poison " + what + " to its dead-letter queue: " + cause, cause);
	}

}
