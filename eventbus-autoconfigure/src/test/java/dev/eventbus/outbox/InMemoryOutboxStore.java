package dev.eventbus.outbox;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An {@link OutboxStore} in memory for the relay's unit tests: rows by id, appended the way
 * capture appends them (increasing ids, the partition of the ordering key), read and marked
 * like {@link JdbcOutboxStore} does. Thread-safe, since the relay's threads use it at once.
 */
final class InMemoryOutboxStore implements OutboxStore {

	private final TreeMap<Long, Row> rows = new TreeMap<>();

	private final List<Long> publishedInOrder = new ArrayList<>();

	private long lastId;

	private volatile Duration readTime = Duration.ZERO;

	@Override
	public synchronized void append(Connection connection, List<OutboxEvent> events) {
		events.forEach(this::add);
	}

	/**
	 * Appends one event of an entity, as capture does.
	 * @param channel the channel
	 * @param entityId the entity id
	 * @param createdAt the time of capture
	 * @return the row id
	 */
	synchronized long append(String channel, String entityId, Instant createdAt) {
		return add(new OutboxEvent(UUID.randomUUID(), channel, "UPDATED", entityId, channel + "-topic", "tests",
				"{\"id\":\"" + entityId + "\"}", createdAt));
	}

	private long add(OutboxEvent event) {
		long id = ++this.lastId;
		this.rows.put(id, new Row(id, event, Partitions.of(event.orderingKey())));
		return id;
	}

	@Override
	public List<PendingEvent> unpublished(Set<Integer> partitions, long afterId, int limit) {
		List<PendingEvent> events = read(partitions, afterId, limit);
		if (!this.readTime.isZero()) {
			// a slow database: the rows are as they were when the read started
			try {
				Thread.sleep(this.readTime.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return events;
	}

	private synchronized List<PendingEvent> read(Set<Integer> partitions, long afterId, int limit) {
		List<PendingEvent> events = new ArrayList<>();
		for (Row row : this.rows.tailMap(afterId, false).values()) {
			if (events.size() >= limit) {
				break;
			}
			if (row.publishedAt == null && partitions.contains(row.partition)) {
				events.add(row.pending());
			}
		}
		return events;
	}

	/**
	 * Makes every read take a while (its result is as of its start, like a snapshot).
	 * @param readTime how long a read takes
	 */
	void readTime(Duration readTime) {
		this.readTime = readTime;
	}

	@Override
	public synchronized void markPublished(List<PendingEvent> events, Instant at) {
		for (PendingEvent event : events) {
			Row row = this.rows.get(event.id());
			if (row != null) {
				row.publishedAt = at;
				this.publishedInOrder.add(event.id());
			}
		}
	}

	@Override
	public synchronized void markFailed(PendingEvent event, String error, Instant retryAt) {
		Row row = this.rows.get(event.id());
		if (row != null) {
			row.attempts++;
			row.lastError = error;
			row.nextAttemptAt = retryAt;
		}
	}

	@Override
	public synchronized int purge(Instant publishedBefore) {
		int deleted = 0;
		for (Iterator<Row> rows = this.rows.values().iterator(); rows.hasNext();) {
			Row row = rows.next();
			if (row.publishedAt != null && row.publishedAt.isBefore(publishedBefore)) {
				rows.remove();
				deleted++;
			}
		}
		return deleted;
	}

	/**
	 * Sets when a row was published (to set up purges).
	 * @param id the row id
	 * @param at when it was published
	 */
	synchronized void published(long id, Instant at) {
		this.rows.get(id).publishedAt = at;
	}

	/**
	 * The ids of the rows marked published, in the order of marking (an id twice if it was
	 * marked twice).
	 * @return the ids
	 */
	synchronized List<Long> publishedIds() {
		return List.copyOf(this.publishedInOrder);
	}

	/**
	 * The ids of the rows still unpublished.
	 * @return the ids, in order
	 */
	synchronized List<Long> unpublishedIds() {
		return this.rows.values().stream().filter((row) -> row.publishedAt == null).map((row) -> row.id).toList();
	}

	/**
	 * The ids of all rows.
	 * @return the ids, in order
	 */
	synchronized Set<Long> ids() {
		return Set.copyOf(this.rows.keySet());
	}

	/**
	 * How many attempts of a row failed.
	 * @param id the row id
	 * @return the count
	 */
	synchronized int attempts(long id) {
		return this.rows.get(id).attempts;
	}

	/**
	 * The last error recorded on a row.
	 * @param id the row id
	 * @return the error, or {@code null}
	 */
	synchronized @Nullable String lastError(long id) {
		return this.rows.get(id).lastError;
	}

	/**
	 * The event id of a row.
	 * @param id the row id
	 * @return the event id
	 */
	synchronized UUID eventId(long id) {
		return this.rows.get(id).event.eventId();
	}

	/**
	 * The row of an event id.
	 * @param eventId the event id
	 * @return the row id, or {@code null} if no row has that event id
	 */
	synchronized @Nullable Long rowId(UUID eventId) {
		for (Row row : this.rows.values()) {
			if (row.event.eventId().equals(eventId)) {
				return row.id;
			}
		}
		return null;
	}

	/**
	 * The ordering keys of the rows, by row id.
	 * @return the keys
	 */
	synchronized Map<Long, String> orderingKeys() {
		Map<Long, String> keys = new TreeMap<>();
		this.rows.forEach((id, row) -> keys.put(id, row.event.orderingKey()));
		return keys;
	}

	private static final class Row {

		private final long id;

		private final OutboxEvent event;

		private final int partition;

		private int attempts;

		private Instant nextAttemptAt;

		private @Nullable String lastError;

		private @Nullable Instant publishedAt;

		Row(long id, OutboxEvent event, int partition) {
			this.id = id;
			this.event = event;
			this.partition = partition;
			this.nextAttemptAt = event.createdAt();
		}

		PendingEvent pending() {
			return new PendingEvent(this.id, this.event.eventId(), this.event.channel(), this.event.action(),
					this.event.entityId(), this.event.topic(), this.event.publisher(), this.event.body(), this.attempts,
					this.nextAttemptAt, this.partition);
		}

	}

}
