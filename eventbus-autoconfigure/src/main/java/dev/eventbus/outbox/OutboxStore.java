package dev.eventbus.outbox;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Storage of the outbox. Appending happens on the connection of the application's
 * transaction, one row per event and nothing else. The relay reads unpublished rows of the
 * partitions it holds in id order, without locks (one instance relays a partition at a time,
 * see {@link RelayLeases}), and marks what it sent.
 */
public interface OutboxStore {

	/**
	 * Appends events in one batch, in the caller's transaction.
	 * @param connection the connection of the transaction that made the change
	 * @param events the events, in capture order
	 */
	void append(Connection connection, List<OutboxEvent> events);

	/**
	 * Reads unpublished events of the given partitions with an id above {@code afterId},
	 * lowest id first, due or not.
	 * @param partitions the partitions (see {@link Partitions})
	 * @param afterId the id to read after ({@code 0} for all)
	 * @param limit the largest number of events
	 * @return the events, lowest id first
	 */
	List<PendingEvent> unpublished(Set<Integer> partitions, long afterId, int limit);

	/**
	 * Marks events as published, then reads as {@link #unpublished(Set, long, int)}: the
	 * relay's reader marks what its senders sent since its last read with its next read. The
	 * marks are committed before the read, so the read does not return the marked events.
	 * @param published the events sent since the last read (may be empty)
	 * @param publishedAt when they were sent
	 * @param partitions the partitions to read
	 * @param afterId the id to read after
	 * @param limit the largest number of events
	 * @return the unpublished events, lowest id first
	 */
	default List<PendingEvent> markAndRead(List<PendingEvent> published, Instant publishedAt, Set<Integer> partitions,
			long afterId, int limit) {
		markPublished(published, publishedAt);
		return unpublished(partitions, afterId, limit);
	}

	/**
	 * Marks events as published.
	 * @param events the published events
	 * @param at when they were published
	 */
	void markPublished(List<PendingEvent> events, Instant at);

	/**
	 * Records a failed attempt: the attempt count goes up, the error is kept and the event is
	 * not tried again before {@code retryAt}.
	 * @param event the event
	 * @param error what went wrong
	 * @param retryAt the earliest next attempt
	 */
	void markFailed(PendingEvent event, String error, Instant retryAt);

	/**
	 * Deletes events published before the given time, oldest first, in bounded steps.
	 * @param publishedBefore the cut-off
	 * @return how many rows were deleted
	 */
	int purge(Instant publishedBefore);

}
