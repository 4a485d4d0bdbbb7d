package dev.eventbus.capture;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;

import dev.eventbus.outbox.OutboxEvent;
import dev.eventbus.outbox.OutboxSignal;
import dev.eventbus.outbox.OutboxStore;

/**
 * Collects the events of one Hibernate session's transaction (its entity changes and the
 * events published with {@link dev.eventbus.EventBus} while it runs) and writes them to the
 * outbox in one JDBC batch on the session's own connection just before the transaction
 * completes (the way Hibernate Envers writes its audit rows). After a commit it wakes the relay;
 * after a rollback the events are gone with the transaction. After a commit the
 * {@link CommittedEventsListener}s are told.
 */
final class SessionOutbox implements BeforeCompletionCallback, AfterCompletionCallback {

	private final Map<SharedSessionContractImplementor, SessionOutbox> open;

	private final OutboxBatch batch;

	private SessionOutbox(Map<SharedSessionContractImplementor, SessionOutbox> open, OutboxBatch batch) {
		this.open = open;
		this.batch = batch;
	}

	/**
	 * The outboxes of sessions with a transaction in progress.
	 */
	static final class Registry {

		private final Map<SharedSessionContractImplementor, SessionOutbox> open = new ConcurrentHashMap<>();

		private final OutboxStore store;

		private final OutboxSignal signal;

		private final List<CommittedEventsListener> listeners;

		Registry(OutboxStore store, OutboxSignal signal, List<CommittedEventsListener> listeners) {
			this.store = store;
			this.signal = signal;
			this.listeners = List.copyOf(listeners);
		}

		void add(SharedSessionContractImplementor session, OutboxEvent event) {
			this.open.computeIfAbsent(session, this::register).batch.add(event);
		}

		private SessionOutbox register(SharedSessionContractImplementor session) {
			SessionOutbox outbox = new SessionOutbox(this.open,
					new OutboxBatch(this.store, this.signal, this.listeners));
			session.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) outbox);
			session.getTransactionCompletionCallbacks().registerCallback((AfterCompletionCallback) outbox);
			return outbox;
		}

	}

	@Override
	public void doBeforeTransactionCompletion(SharedSessionContractImplementor session) {
		Connection connection = session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
		this.batch.write(connection);
	}

	@Override
	public void doAfterTransactionCompletion(boolean success, SharedSessionContractImplementor session) {
		this.open.remove(session);
		this.batch.completed(success);
	}

}
