package dev.eventbus.capture;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.jspecify.annotations.Nullable;

import dev.eventbus.outbox.OutboxEvent;
import dev.eventbus.outbox.OutboxSignal;
import dev.eventbus.outbox.OutboxStore;

/**
 * Collects the events of one Hibernate session's transaction (its entity changes and the
 * events published with {@link dev.eventbus.EventBus} while it runs) and writes them to the
 * outbox in one JDBC batch on the session's own connection just before the transaction
 * completes (the way Hibernate Envers writes its audit rows). Entity changes are folded into one
 * net event per entity ({@link NetChanges}) unless every flush is to be published; published
 * events are never folded. After a commit it wakes the relay; after a rollback the events are
 * gone with the transaction. After a commit the {@link CommittedEventsListener}s are told.
 */
final class SessionOutbox implements BeforeCompletionCallback, AfterCompletionCallback {

	private final Registry registry;

	private final OutboxBatch batch;

	private final @Nullable NetChanges net;

	private SessionOutbox(Registry registry) {
		this.registry = registry;
		this.batch = new OutboxBatch(registry.store, registry.signal, registry.listeners);
		this.net = registry.collapse ? new NetChanges(registry.factory) : null;
	}

	/**
	 * The outboxes of sessions with a transaction in progress.
	 */
	static final class Registry {

		private final Map<SharedSessionContractImplementor, SessionOutbox> open = new ConcurrentHashMap<>();

		private final OutboxStore store;

		private final OutboxSignal signal;

		private final List<CommittedEventsListener> listeners;

		private final EventFactory factory;

		private final boolean collapse;

		Registry(OutboxStore store, OutboxSignal signal, List<CommittedEventsListener> listeners, EventFactory factory,
				boolean collapse) {
			this.store = store;
			this.signal = signal;
			this.listeners = List.copyOf(listeners);
			this.factory = factory;
			this.collapse = collapse;
		}

		/**
		 * Whether the changes of an entity are folded into one net event per transaction.
		 * @return {@code true} unless every flush is published
		 */
		boolean collapses() {
			return this.collapse;
		}

		/**
		 * Adds an event as it is: it is never folded into another one.
		 * @param session the session
		 * @param event the event
		 */
		void add(SharedSessionContractImplementor session, OutboxEvent event) {
			outbox(session).batch.add(event);
		}

		/**
		 * Adds an entity change: folded into the entity's net event, or an event of its own
		 * when every flush is published.
		 * @param session the session
		 * @param change the change
		 */
		void add(SharedSessionContractImplementor session, EntityChange change) {
			SessionOutbox outbox = outbox(session);
			if (outbox.net != null) {
				outbox.net.add(change, outbox.batch.events());
			}
			else if (change.published()) {
				outbox.batch.add(this.factory.create(change, this.factory.stamp()));
			}
		}

		private SessionOutbox outbox(SharedSessionContractImplementor session) {
			return this.open.computeIfAbsent(session, this::register);
		}

		private SessionOutbox register(SharedSessionContractImplementor session) {
			SessionOutbox outbox = new SessionOutbox(this);
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
		this.registry.open.remove(session);
		this.batch.completed(success);
	}

}
