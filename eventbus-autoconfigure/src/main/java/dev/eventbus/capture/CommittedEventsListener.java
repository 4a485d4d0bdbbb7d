package dev.eventbus.capture;

import java.util.List;

import dev.eventbus.outbox.OutboxEvent;

/**
 * Told about the events of each transaction that committed them to the outbox, after the
 * commit, on the committing thread (a rolled-back transaction is never reported). Beans of
 * this type are handed to the capture; the metrics count captured events with one.
 * Implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface CommittedEventsListener {

	/**
	 * Called after a transaction that wrote events committed.
	 * @param events its events, in capture order (never empty)
	 */
	void committed(List<OutboxEvent> events);

}
