package dev.eventbus.operations;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which retained events a replay sends: an outbox id range and/or a time range of
 * {@code created_at} (when the event was captured), at least one bound.
 *
 * @param fromId the lowest outbox id, inclusive
 * @param toId the highest outbox id, inclusive
 * @param from the earliest capture time, inclusive
 * @param to the latest capture time, exclusive
 * @param max the most events to send, {@code null} for {@value EventReplay#DEFAULT_MAX} (at most
 * {@value EventReplay#MAX_LIMIT})
 */
public record ReplayRange(@Nullable Long fromId, @Nullable Long toId, @Nullable Instant from, @Nullable Instant to,
		@Nullable Integer max) {

	/**
	 * Creates the range.
	 * @param fromId the lowest id
	 * @param toId the highest id
	 * @param from the earliest time
	 * @param to the latest time (exclusive)
	 * @param max the most events
	 * @throws IllegalArgumentException without any bound, or with {@code max} below 1
	 */
	public ReplayRange {
		if (fromId == null && toId == null && from == null && to == null) {
			throw new IllegalArgumentException("A replay needs at least one of fromId, toId, from, to");
		}
		if (max != null && max < 1) {
			throw new IllegalArgumentException("max must be at least 1, was " + max);
		}
	}

	int limit() {
		return (this.max != null) ? Math.min(this.max, EventReplay.MAX_LIMIT) : EventReplay.DEFAULT_MAX;
	}

}
