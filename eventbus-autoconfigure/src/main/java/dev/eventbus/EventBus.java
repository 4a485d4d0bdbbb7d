package dev.eventbus;

import org.jspecify.annotations.Nullable;

/**
 * Publishes any event (a domain event, not an entity change) through the transactional outbox,
 * to the SNS topic of its channel, with the same envelope, attributes and guarantees as the
 * events of {@link PublishEvents} entities.
 * <p>
 * {@link #publish(String, String, Object)} joins the transaction of the calling thread: the
 * event is written to the outbox with that transaction (in the same batch as the entity events
 * of a JPA transaction) and sent after it committed, or never if it rolled back. Called with no
 * transaction active it throws {@link NoActiveTransactionException}; where an event must be
 * published on its own, say so with {@link #publishInNewTransaction(String, String, Object)}.
 * <p>
 * An action is an open-ended lower-case word such as {@code issued} or {@code payment-failed}:
 * it starts with a lower-case letter, continues with lower-case letters, digits, {@code -} or
 * {@code _}, and has at most 64 characters. The payload is written with the envelope's Jackson
 * mapper and must be a JSON object (a record, a class or a {@code Map}).
 */
public interface EventBus {

	/**
	 * Publishes an event with the current transaction, without a key: events of the channel
	 * keep their order among each other (one FIFO message group per channel).
	 * @param channel the channel, for example {@code Invoice}
	 * @param action the action, for example {@code issued}
	 * @param payload the event's data, a record, a class or a {@code Map}
	 * @throws NoActiveTransactionException if no transaction is active on this thread
	 * @throws IllegalArgumentException if the action is not a valid action name or the payload is
	 * not a JSON object
	 * @throws EventTooLargeException if the message would exceed the SNS size limit
	 */
	default void publish(String channel, String action, Object payload) {
		publish(channel, action, null, payload);
	}

	/**
	 * Publishes an event with the current transaction.
	 * @param channel the channel, for example {@code Invoice}
	 * @param action the action, for example {@code issued}
	 * @param key the event's key: its envelope's {@code entityId}, and the key within which
	 * events keep their order (the FIFO message group {@code channel:key}); {@code null} for none
	 * @param payload the event's data, a record, a class or a {@code Map}
	 * @throws NoActiveTransactionException if no transaction is active on this thread
	 * @throws IllegalArgumentException if the action is not a valid action name or the payload is
	 * not a JSON object
	 * @throws EventTooLargeException if the message would exceed the SNS size limit
	 */
	void publish(String channel, String action, @Nullable String key, Object payload);

	/**
	 * Publishes an event in a transaction of its own, committed before this method returns,
	 * whether or not a transaction is active on this thread (an active one is suspended and
	 * neither waits for nor depends on this one). Use it where the event must be published
	 * although the caller's work may roll back, for example a failure event.
	 * @param channel the channel
	 * @param action the action
	 * @param payload the event's data
	 * @throws IllegalArgumentException if the action is not a valid action name or the payload is
	 * not a JSON object
	 * @throws EventTooLargeException if the message would exceed the SNS size limit
	 */
	default void publishInNewTransaction(String channel, String action, Object payload) {
		publishInNewTransaction(channel, action, null, payload);
	}

	/**
	 * Publishes an event with a key in a transaction of its own, committed before this method
	 * returns (see {@link #publishInNewTransaction(String, String, Object)}).
	 * @param channel the channel
	 * @param action the action
	 * @param key the event's key (envelope {@code entityId}, ordering key), {@code null} for none
	 * @param payload the event's data
	 * @throws IllegalArgumentException if the action is not a valid action name or the payload is
	 * not a JSON object
	 * @throws EventTooLargeException if the message would exceed the SNS size limit
	 */
	void publishInNewTransaction(String channel, String action, @Nullable String key, Object payload);

}
