package dev.eventbus.benchmarks;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

/**
 * How long the backlog took to drain once the load stopped: until no outbox row was unpublished
 * and until the listener had every event, watched at once: the listener's count every 5 ms, the
 * outbox every 50 ms (a query, kept rare so that watching costs PostgreSQL little).
 *
 * @param outboxSeconds until the outbox was drained (NaN without an outbox)
 * @param listenerSeconds until the listener had every event
 */
record Drain(double outboxSeconds, double listenerSeconds) {

	/**
	 * Waits for both.
	 * @param timeout the longest wait
	 * @param outboxEmpty whether the outbox is drained, null without an outbox
	 * @param allArrived whether the listener has every event
	 * @return the times from the call
	 */
	static Drain await(Duration timeout, @Nullable BooleanSupplier outboxEmpty, BooleanSupplier allArrived) {
		long start = System.nanoTime();
		double outbox = Double.NaN;
		double listener = Double.NaN;
		for (int poll = 0; Double.isNaN(listener) || (outboxEmpty != null && Double.isNaN(outbox)); poll++) {
			if (outboxEmpty != null && Double.isNaN(outbox) && poll % 10 == 0 && outboxEmpty.getAsBoolean()) {
				outbox = (System.nanoTime() - start) / 1e9;
			}
			if (Double.isNaN(listener) && allArrived.getAsBoolean()) {
				listener = (System.nanoTime() - start) / 1e9;
			}
			if (System.nanoTime() - start > timeout.toNanos()) {
				throw new IllegalStateException("Timed out after " + timeout + " waiting for the backlog to drain ("
						+ ((outboxEmpty == null) ? "no outbox" : (Double.isNaN(outbox) ? "outbox not drained" : "outbox drained"))
						+ ", " + (Double.isNaN(listener) ? "listener still missing events" : "listener has all") + ")");
			}
			Fixture.sleep(Duration.ofMillis(5));
		}
		return new Drain(outbox, listener);
	}

}
