package dev.eventbus.outbox;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
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
	 * that another relay holds and events whose entity has an earlier event waiting for a
	 * retry.
	 * @param limit the largest number of events
	 * @param now the current time
	 * @return the claim; close it to release the rows
	 */
	Claim claim(int limit, Instant now);

	/**
	 * Claims like {@link #claim(int, Instant)}, but leaves out the events of the given ordering
	 * keys (and so every later event of those keys), because another worker of this relay holds
	 * events of them. The default claims as usual and drops those events from the claim (they
	 * stay unpublished and unchanged); stores should leave them out of the query instead.
	 * @param limit the largest number of events
	 * @param now the current time
	 * @param excludedKeys the ordering keys to leave out
	 * @return the claim; close it to release the rows
	 */
	default Claim claim(int limit, Instant now, Set<String> excludedKeys) {
		Claim claim = claim(limit, now);
		if (excludedKeys.isEmpty()) {
			return claim;
		}
		List<PendingEvent> kept = new ArrayList<>(claim.events().size());
		for (PendingEvent event : claim.events()) {
			if (!excludedKeys.contains(event.orderingKey())) {
				kept.add(event);
			}
		}
		return new Claim() {

			@Override
			public List<PendingEvent> events() {
				return kept;
			}

			@Override
			public void markPublished(List<PendingEvent> events, Instant at) {
				claim.markPublished(events, at);
			}

			@Override
			public void markFailed(PendingEvent event, String error, Instant retryAt) {
				claim.markFailed(event, error, retryAt);
			}

			@Override
			public void commit() {
				claim.commit();
			}

			@Override
			public void close() {
				claim.close();
			}

		};
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
