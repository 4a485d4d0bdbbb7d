package dev.eventbus.capture;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.eventbus.outbox.OutboxEvent;
import dev.eventbus.outbox.OutboxSignal;
import dev.eventbus.outbox.OutboxStore;

/**
 * The events of one transaction: written to the outbox in one JDBC batch on the transaction's
 * connection just before it completes, and, after a commit, announced to the relay and the
 * {@link CommittedEventsListener}s. The one batch path of both kinds of transaction: a Hibernate
 * session's ({@link SessionOutbox}) and a plain JDBC one's ({@link ConnectionOutbox}).
 */
final class OutboxBatch {

	private final OutboxStore store;

	private final OutboxSignal signal;

	private final List<CommittedEventsListener> listeners;

	/** In capture order; {@code null} where an entity's changes cancelled out ({@link NetChanges}). */
	private final List<@Nullable OutboxEvent> events = new ArrayList<>();

	private List<OutboxEvent> written = List.of();

	private boolean writeDone;

	OutboxBatch(OutboxStore store, OutboxSignal signal, List<CommittedEventsListener> listeners) {
		this.store = store;
		this.signal = signal;
		this.listeners = listeners;
	}

	/**
	 * Adds an event as it is: it is never folded into another one.
	 * @throws IllegalStateException if the batch was already written (the event would be lost)
	 */
	void add(OutboxEvent event) {
		events().add(event);
	}

	/**
	 * The events in capture order, for {@link NetChanges} to fold an entity's changes in place.
	 * @throws IllegalStateException if the batch was already written (a change would be lost)
	 */
	List<@Nullable OutboxEvent> events() {
		if (this.writeDone) {
			throw new IllegalStateException("eventbus already wrote this transaction's events to the outbox (its "
					+ "commit has begun), so an event added now would be lost; publish it before the commit, or "
					+ "in a transaction of its own (EventBus.publishInNewTransaction)");
		}
		return this.events;
	}

	/**
	 * Whether events were added that were never written (their transaction committed without
	 * the batch's write, as when they were added in an after-commit callback).
	 */
	boolean unwritten() {
		return !this.writeDone && !this.events.isEmpty();
	}

	/** Appends the events on the transaction's own connection, before it commits. */
	void write(Connection connection) {
		this.writeDone = true;
		this.written = this.events.stream().filter(Objects::nonNull).toList();
		if (!this.written.isEmpty()) {
			this.store.append(connection, this.written);
		}
	}

	/** After the transaction completed: wakes the relay and tells the listeners after a commit. */
	void completed(boolean committed) {
		if (committed && !this.written.isEmpty()) {
			this.signal.committed();
			List<OutboxEvent> committedEvents = this.written;
			this.listeners.forEach((listener) -> listener.committed(committedEvents));
		}
	}

}
