package dev.eventbus.capture;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionOperations;

import dev.eventbus.EventBus;
import dev.eventbus.NoActiveTransactionException;
import dev.eventbus.message.ActionNames;
import dev.eventbus.message.EventMessageCodec;

/**
 * The {@link EventBus} on the transactional outbox: an event is built by the same
 * {@link EventFactory} as an entity's (envelope, size check, topic, trace context) and added to
 * the current transaction's batch ({@link TransactionOutboxes}), so it is committed with the
 * transaction's entity events or not at all.
 */
public final class OutboxEventBus implements EventBus {

	private final EventFactory events;

	private final EventMessageCodec codec;

	private final TransactionOutboxes outboxes;

	private final TransactionOperations newTransaction;

	/**
	 * Creates the bus.
	 * @param events builds the events
	 * @param codec turns payloads into the envelope's JSON object
	 * @param outboxes the batches of the transactions in progress
	 * @param newTransaction runs a callback in a new transaction (propagation
	 * {@code REQUIRES_NEW}) for {@link #publishInNewTransaction(String, String, String, Object)}
	 */
	public OutboxEventBus(EventFactory events, EventMessageCodec codec, TransactionOutboxes outboxes,
			TransactionOperations newTransaction) {
		this.events = events;
		this.codec = codec;
		this.outboxes = outboxes;
		this.newTransaction = newTransaction;
	}

	@Override
	public void publish(String channel, String action, @Nullable String key, Object payload) {
		ActionNames.check(action);
		if (!this.outboxes.inTransaction()) {
			throw new NoActiveTransactionException(channel, action);
		}
		Map<String, @Nullable Object> data = this.codec.payload(payload);
		this.outboxes.add(this.events.create(channel, action, entityType(payload, channel), key, data));
	}

	@Override
	public void publishInNewTransaction(String channel, String action, @Nullable String key, Object payload) {
		ActionNames.check(action);
		this.newTransaction.executeWithoutResult((status) -> publish(channel, action, key, payload));
	}

	/** A domain event's {@code entityType}: its class's simple name, the channel for a map. */
	private static String entityType(Object payload, String channel) {
		return (payload instanceof Map<?, ?>) ? channel : payload.getClass().getSimpleName();
	}

}
