package dev.eventbus.capture;

import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.eventbus.outbox.OutboxEvent;
import dev.eventbus.outbox.OutboxSignal;
import dev.eventbus.outbox.OutboxStore;

/**
 * The outbox batches of the transactions in progress. A JPA (Hibernate) transaction's events,
 * entity changes and published events alike, go to its session's {@link SessionOutbox}; a
 * transaction with no Hibernate session (a plain JDBC transaction manager's) writes them through
 * a {@link ConnectionOutbox} on its connection. Both write one batch with the transaction.
 */
public final class TransactionOutboxes {

	private final SessionOutbox.Registry sessions;

	private final OutboxStore store;

	private final OutboxSignal signal;

	private final List<CommittedEventsListener> listeners;

	private final DataSource dataSource;

	private final Supplier<@Nullable EntityManagerFactory> entityManagerFactory;

	/**
	 * Creates the outboxes.
	 * @param store the outbox the events are appended to
	 * @param signal woken after a commit that appended events
	 * @param listeners told after each commit that appended events
	 * @param dataSource the outbox's data source, whose transaction-bound connection a plain JDBC
	 * transaction's events are written on
	 * @param entityManagerFactory the application's entity manager factory, if it has one
	 * @param factory builds the net events of entity changes
	 * @param collapse whether the changes of an entity in one transaction become one net event
	 * ({@code false}: an event per flushed change)
	 */
	public TransactionOutboxes(OutboxStore store, OutboxSignal signal, List<CommittedEventsListener> listeners,
			DataSource dataSource, Supplier<@Nullable EntityManagerFactory> entityManagerFactory, EventFactory factory,
			boolean collapse) {
		this.store = store;
		this.signal = signal;
		this.listeners = List.copyOf(listeners);
		this.dataSource = dataSource;
		this.entityManagerFactory = entityManagerFactory;
		this.sessions = new SessionOutbox.Registry(store, signal, this.listeners, factory, collapse);
	}

	SessionOutbox.Registry sessions() {
		return this.sessions;
	}

	/**
	 * Whether the calling thread runs a transaction that an event can join: one that is active
	 * and still before its completion (in an after-completion callback it no longer is, nor in an
	 * after-commit callback of a JPA transaction, whose session has finished its transaction).
	 * @return whether {@link #add(OutboxEvent)} can be called
	 */
	public boolean inTransaction() {
		return joinable(currentSession());
	}

	private static boolean joinable(@Nullable SharedSessionContractImplementor session) {
		return TransactionSynchronizationManager.isActualTransactionActive()
				&& TransactionSynchronizationManager.isSynchronizationActive()
				&& (session == null || session.isTransactionInProgress());
	}

	/**
	 * Adds an event to the current transaction's batch: the Hibernate session's in a JPA
	 * transaction, else the transaction's connection's.
	 * @param event the event
	 * @throws IllegalStateException if {@link #inTransaction()} is false
	 */
	public void add(OutboxEvent event) {
		SharedSessionContractImplementor session = currentSession();
		if (!joinable(session)) {
			throw new IllegalStateException("No transaction is active on this thread");
		}
		if (session != null) {
			this.sessions.add(session, event);
		}
		else {
			ConnectionOutbox.current(this, this.dataSource,
					() -> new OutboxBatch(this.store, this.signal, this.listeners))
				.add(event);
		}
	}

	/** The Hibernate session bound to the current JPA transaction, if the transaction is one. */
	private @Nullable SharedSessionContractImplementor currentSession() {
		EntityManagerHolder holder = entityManagerHolder();
		return (holder != null) ? holder.getEntityManager().unwrap(SharedSessionContractImplementor.class) : null;
	}

	/** The entity manager bound to the current JPA transaction, if the transaction is one. */
	private @Nullable EntityManagerHolder entityManagerHolder() {
		EntityManagerFactory factory = this.entityManagerFactory.get();
		if (factory != null && TransactionSynchronizationManager.getResource(factory) instanceof EntityManagerHolder holder
				&& holder.isSynchronizedWithTransaction()) {
			return holder;
		}
		return null;
	}

}
