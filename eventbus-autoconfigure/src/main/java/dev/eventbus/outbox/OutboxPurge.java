package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * Deletes published events once they are older than the retention, at most once a minute;
 * without a retention (kept forever) it deletes nothing.
 * Run by the relay that holds partition 0, so that one relay purges at a time, on a thread of
 * its own, so that a long purge never delays the renewal of leases.
 */
final class OutboxPurge {

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	private final OutboxStore store;

	private final @Nullable Duration retention;

	private final Clock clock;

	private final Log logger;

	private Instant next = Instant.MIN;

	/**
	 * Creates the purge.
	 * @param store the outbox
	 * @param retention how long published events are kept, {@code null} for forever
	 * @param clock the clock
	 * @param logger the relay's logger
	 */
	OutboxPurge(OutboxStore store, @Nullable Duration retention, Clock clock, Log logger) {
		this.store = store;
		this.retention = retention;
		this.clock = clock;
		this.logger = logger;
	}

	/**
	 * Purges if a minute has passed since the last purge.
	 * @return how many rows were deleted
	 */
	int runIfDue() {
		Instant now = this.clock.instant();
		if (this.retention == null || now.isBefore(this.next)) {
			return 0;
		}
		this.next = now.plus(INTERVAL);
		int purged = this.store.purge(now.minus(this.retention));
		if (purged > 0 && this.logger.isDebugEnabled()) {
			this.logger.debug("eventbus purged " + purged + " published event(s) older than " + this.retention);
		}
		return purged;
	}

	/**
	 * Purges while the relay holds partition 0, until {@code running} turns false; returns at
	 * once when events are kept forever.
	 * @param running whether to go on
	 * @param leases the partitions held
	 * @param pause the wait between two looks (a quarter of the lease duration)
	 */
	void loop(BooleanSupplier running, PartitionLeases leases, RelayPause pause) {
		while (this.retention != null && running.getAsBoolean()) {
			if (leases.held().holds(0, System.nanoTime())) {
				try {
					runIfDue();
				}
				catch (RuntimeException ex) {
					this.logger.debug("eventbus could not purge published events (tried again in a minute)", ex);
				}
			}
			if (!pause.pause(leases.interval(), running)) {
				return;
			}
		}
	}

}
