package dev.eventbus.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The one back-off policy of the relay: the first delay, doubled on every further failure up
 * to the longest. It spaces both the attempts of one event and the relay's pauses while the
 * broker or the database cannot be reached.
 *
 * @param first the first delay
 * @param max the longest delay
 */
record Backoff(Duration first, Duration max) {

	/**
	 * The delay after the given one: the first delay after none, then twice the last, at
	 * most {@link #max()}.
	 * @param current the last delay, {@link Duration#ZERO} for none
	 * @return the next delay
	 */
	Duration next(Duration current) {
		return min(current.isZero() ? this.first : current.multipliedBy(2), this.max);
	}

	/**
	 * When an event may be tried again after a failed attempt.
	 * @param attemptsBefore how many attempts of the event failed before this one
	 * @param now the time of the failure
	 * @return the earliest next attempt
	 */
	Instant retryAt(int attemptsBefore, Instant now) {
		Duration delay = this.first;
		for (int i = 0; i < attemptsBefore && delay.compareTo(this.max) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return now.plus(min(delay, this.max));
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
