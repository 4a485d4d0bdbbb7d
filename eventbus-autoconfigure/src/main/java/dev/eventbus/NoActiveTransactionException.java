package dev.eventbus;

/**
 * An event was published (with {@link EventBus#publish(String, String, Object)} or as a
 * {@link PublishedEvent} through Spring's {@code ApplicationEventPublisher}) while no
 * transaction was active on the calling thread. The outbox writes an event with the transaction
 * that produced it, so there was nothing to join; nothing was published.
 */
public class NoActiveTransactionException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param channel the event's channel
	 * @param action the event's action
	 */
	public NoActiveTransactionException(String channel, String action) {
		super("The event '" + action + "' of channel '" + channel + "' was published with no transaction active on "
				+ "this thread, and eventbus writes an event with the transaction that produced it; nothing was "
				+ "published. Publish it inside a transaction (a @Transactional method or a TransactionTemplate), "
				+ "or call EventBus.publishInNewTransaction(...) to publish it in a transaction of its own.");
	}

}
