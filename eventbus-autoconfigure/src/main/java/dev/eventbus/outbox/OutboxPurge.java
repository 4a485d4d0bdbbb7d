package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;

/**
 * Deletes published events once they are older than the retention, at most once a minute.
 * Run by the relay that holds partition 0, so that one relay purges at a time, on a thread of
 * its own, so that a long purge never delays the renewal of leases.
 */
final class OutboxPurge {

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	private final OutboxStore store;

	private final Duration retention;

	private final Clock clock;

	private final Log logger;

	private Instant next = Instant.MIN;

	OutboxPurge(OutboxStore store, Duration retention, Clock clock, Log logger) {
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
		if (now.isBefore(this.next)) {
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
	 * Purges while the relay holds partition 0, until {@code running} turns false.
	 * @param running whether to go on
	 * @param leases the partitions held
	 * @param pause the wait between two looks (a quarter of the lease duration)
	 */
	void loop(BooleanSupplier running, PartitionLeases leases, RelayPause pause) {
		while (running.getAsBoolean()) {
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
