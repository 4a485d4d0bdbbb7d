package dev.eventbus.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the outbox holds unpublished, per channel, read with one grouped query over the
 * unpublished rows (the pending index: {@code id where published_at is null} on PostgreSQL,
 * {@code (published_at, id)} elsewhere). Its cost grows with the backlog, not with the table,
 * so callers read it on an interval (the metrics) or on request (health, the endpoint), never
 * per scrape and channel.
 */
public final class OutboxBacklog {

	private static final String QUERY = "select channel, count(*), sum(case when attempts > 0 then 1 else 0 end),"
			+ " min(created_at) from " + JdbcOutboxStore.TABLE + " where published_at is null group by channel";

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * Creates the reader.
	 * @param dataSource the application's data source
	 * @param clock the clock that times the snapshots
	 */
	public OutboxBacklog(DataSource dataSource, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
	}

	/**
	 * Reads the backlog now.
	 * @return the unpublished rows per channel; a channel with none is absent
	 * @throws org.springframework.dao.DataAccessException if the database cannot be read
	 */
	public Snapshot read() {
		Map<String, Channel> channels = new TreeMap<>();
		this.jdbc.sql(QUERY).query((row) -> {
			Timestamp oldest = row.getTimestamp(4);
			channels.put(row.getString(1),
					new Channel(row.getLong(2), row.getLong(3), (oldest != null) ? oldest.toInstant() : null));
		});
		return new Snapshot(this.clock.instant(), Collections.unmodifiableMap(channels));
	}

	/**
	 * The backlog at one moment.
	 *
	 * @param takenAt when it was read
	 * @param channels the unpublished rows per channel, by channel name; channels without any
	 * are absent
	 */
	public record Snapshot(Instant takenAt, Map<String, Channel> channels) {

		/**
		 * The backlog of one channel, zero when it has none.
		 * @param channel the channel
		 * @return its backlog
		 */
		public Channel channel(String channel) {
			return this.channels.getOrDefault(channel, Channel.EMPTY);
		}

		/**
		 * All unpublished rows.
		 * @return their number
		 */
		public long pending() {
			return this.channels.values().stream().mapToLong(Channel::pending).sum();
		}

		/**
		 * All unpublished rows whose publish failed at least once.
		 * @return their number
		 */
		public long failing() {
			return this.channels.values().stream().mapToLong(Channel::failing).sum();
		}

		/**
		 * The age of the oldest unpublished row of any channel at {@link #takenAt()}.
		 * @return the age, zero without a backlog
		 */
		public Duration oldestAge() {
			return this.channels.values()
				.stream()
				.map((channel) -> channel.age(this.takenAt))
				.max(Duration::compareTo)
				.orElse(Duration.ZERO);
		}

	}

	/**
	 * The backlog of one channel.
	 *
	 * @param pending unpublished rows
	 * @param failing unpublished rows whose publish failed at least once ({@code attempts > 0})
	 * @param oldestCreatedAt when the oldest unpublished row was captured, {@code null} without
	 * any
	 */
	public record Channel(long pending, long failing, @Nullable Instant oldestCreatedAt) {

		static final Channel EMPTY = new Channel(0, 0, null);

		/**
		 * The age of the oldest unpublished row.
		 * @param at the moment to measure from
		 * @return the age, zero without a backlog (never negative)
		 */
		public Duration age(Instant at) {
			Instant oldest = this.oldestCreatedAt;
			if (oldest == null || !oldest.isBefore(at)) {
				return Duration.ZERO;
			}
			return Duration.between(oldest, at);
		}

	}

}
