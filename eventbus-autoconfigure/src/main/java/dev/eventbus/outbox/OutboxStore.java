package dev.eventbus.outbox;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Storage of the outbox. Appending happens on the connection of the application's
 * transaction; claiming happens in a transaction of the relay's own, which holds the claimed
 * rows locked until it ends so that no other relay publishes them at the same time.
 */
public interface OutboxStore {

	/**
	 * Appends events in one batch, in the caller's transaction.
	 * @param connection the connection of the transaction that made the change
	 * @param events the events, in capture order
	 */
	void append(Connection connection, List<OutboxEvent> events);

	/**
	 * Claims up to {@code limit} unpublished events that are due, oldest first, skipping rows
	 * that another relay holds, the given ordering keys, and events that are not next in line
	 * for their entity (an earlier event is held elsewhere or waits for a retry).
	 * @param limit the largest number of events
	 * @param now the current time
	 * @param excludedKeys ordering keys ({@code channel:entityId}) not to claim, because
	 * another worker of this relay holds them
	 * @return the claim; close it to release the rows
	 */
	Claim claim(int limit, Instant now, Set<String> excludedKeys);

	/**
	 * Claims up to {@code limit} unpublished events that are due, as
	 * {@link #claim(int, Instant, Set)} with no excluded keys.
	 * @param limit the largest number of events
	 * @param now the current time
	 * @return the claim; close it to release the rows
	 */
	default Claim claim(int limit, Instant now) {
		return claim(limit, now, Set.of());
	}

	/**
	 * Deletes events published before the given time.
	 * @param publishedBefore the cut-off
	 * @return how many rows were deleted
	 */
	int purge(Instant publishedBefore);

	/**
	 * The number of unpublished events.
	 * @return the backlog
	 */
	long backlog();

	/**
	 * Claimed events, locked in an open transaction until {@link #close()}.
	 */
	interface Claim extends AutoCloseable {

		/**
		 * The claimed events, oldest first.
		 * @return the events
		 */
		List<PendingEvent> events();

		/**
		 * Marks events as published.
		 * @param events the published events
		 * @param at when they were published
		 */
		void markPublished(List<PendingEvent> events, Instant at);

		/**
		 * Records a failed attempt: the attempt count goes up, the error is kept and the
		 * event is not tried again before {@code retryAt}.
		 * @param event the event
		 * @param error what went wrong
		 * @param retryAt the earliest next attempt
		 */
		void markFailed(PendingEvent event, String error, Instant retryAt);

		/**
		 * Commits the marks and releases the rows.
		 */
		void commit();

		/**
		 * Releases the rows; marks not committed are rolled back.
		 */
		@Override
		void close();

	}

}
