package dev.eventbus.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.eventbus.outbox.OutboxBacklog;

/**
 * The outbox backlog for health details: the snapshot the outbox gauges read last when the
 * metrics run, else one {@link OutboxBacklog#read()} kept for a short time, so that frequent
 * health probes do not query the database each time.
 */
public final class RecentBacklog {

	private final OutboxBacklog backlog;

	private final Supplier<OutboxBacklog.@Nullable Snapshot> metrics;

	private final Duration maxAge;

	private final Clock clock;

	private OutboxBacklog.@Nullable Snapshot cached;

	private Instant readAt = Instant.MIN;

	/**
	 * Creates the source.
	 * @param backlog reads the backlog
	 * @param metrics the snapshot of the outbox gauges, {@code null} while there is none (or
	 * without metrics)
	 * @param maxAge how long a snapshot of its own read is used
	 * @param clock the clock
	 */
	public RecentBacklog(OutboxBacklog backlog, Supplier<OutboxBacklog.@Nullable Snapshot> metrics, Duration maxAge,
			Clock clock) {
		this.backlog = backlog;
		this.metrics = metrics;
		this.maxAge = maxAge;
		this.clock = clock;
	}

	/**
	 * The recent backlog.
	 * @return the snapshot
	 * @throws org.springframework.dao.DataAccessException if it had to be read and the
	 * database cannot be read
	 */
	public synchronized OutboxBacklog.Snapshot get() {
		OutboxBacklog.Snapshot fromMetrics = this.metrics.get();
		if (fromMetrics != null) {
			return fromMetrics;
		}
		Instant now = this.clock.instant();
		OutboxBacklog.Snapshot cached = this.cached;
		if (cached == null || !now.isBefore(this.readAt.plus(this.maxAge))) {
			cached = this.backlog.read();
			this.cached = cached;
			this.readAt = now;
		}
		return cached;
	}

}
