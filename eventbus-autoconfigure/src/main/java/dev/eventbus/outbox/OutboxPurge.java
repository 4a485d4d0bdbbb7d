package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;

/**
 * Deletes published events once they are older than the retention, at most once a minute.
 * Run by the relay that holds partition 0, so that one relay purges at a time.
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

}
