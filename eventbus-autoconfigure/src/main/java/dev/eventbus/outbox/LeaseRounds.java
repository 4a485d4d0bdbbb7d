package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The relay's lease thread: a {@linkplain PartitionLeases#round() round} every quarter of the
 * lease duration. When a round gains a partition it wakes the reader, which reads the
 * partition from its start. While the database cannot be reached it retries with the back-off
 * from the relay's retry delay, at most every quarter of the lease duration, and reports the
 * outage to the log of database outages.
 */
final class LeaseRounds {

	private final PartitionLeases leases;

	private final Duration retryDelay;

	private final OutageLog storeOutage;

	private final Runnable wakeReader;

	private final Clock clock;

	/**
	 * Creates the lease thread's work.
	 * @param leases the partition leases
	 * @param retryDelay the first delay after a failed round
	 * @param storeOutage the log of database outages
	 * @param wakeReader wakes the reader
	 * @param clock the clock
	 */
	LeaseRounds(PartitionLeases leases, Duration retryDelay, OutageLog storeOutage, Runnable wakeReader, Clock clock) {
		this.leases = leases;
		this.retryDelay = retryDelay;
		this.storeOutage = storeOutage;
		this.wakeReader = wakeReader;
		this.clock = clock;
	}

	/**
	 * Runs rounds until {@code running} turns false.
	 * @param running whether to go on
	 * @param pause the wait between rounds
	 */
	void loop(BooleanSupplier running, RelayPause pause) {
		Duration storeDelay = Duration.ZERO;
		Backoff backoff = new Backoff(this.retryDelay, this.leases.interval());
		while (running.getAsBoolean()) {
			Duration wait = this.leases.interval();
			try {
				long generation = this.leases.held().generation();
				Instant started = this.clock.instant();
				this.leases.round();
				storeDelay = Duration.ZERO;
				this.storeOutage.ended(started, "");
				PartitionLeases.Held held = this.leases.held();
				if (held.generation() != generation) {
					this.wakeReader.run();
				}
			}
			catch (RuntimeException ex) {
				storeDelay = backoff.next(storeDelay);
				wait = storeDelay;
				this.storeOutage.failed(this.clock.instant(), ex, true);
			}
			if (!pause.pause(wait, running)) {
				return;
			}
		}
	}

}
