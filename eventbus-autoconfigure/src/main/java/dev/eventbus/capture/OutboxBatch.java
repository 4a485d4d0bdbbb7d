package dev.eventbus.capture;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

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

	private final List<OutboxEvent> events = new ArrayList<>();

	OutboxBatch(OutboxStore store, OutboxSignal signal, List<CommittedEventsListener> listeners) {
		this.store = store;
		this.signal = signal;
		this.listeners = listeners;
	}

	void add(OutboxEvent event) {
		this.events.add(event);
	}

	/** Appends the events on the transaction's own connection, before it commits. */
	void write(Connection connection) {
		if (!this.events.isEmpty()) {
			this.store.append(connection, this.events);
		}
	}

	/** After the transaction completed: wakes the relay and tells the listeners after a commit. */
	void completed(boolean committed) {
		if (committed && !this.events.isEmpty()) {
			this.signal.committed();
			List<OutboxEvent> written = List.copyOf(this.events);
			this.listeners.forEach((listener) -> listener.committed(written));
		}
	}

}
