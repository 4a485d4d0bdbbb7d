package dev.eventbus.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers a steady rate: the n-th action is due at {@code n / rate} seconds after the start and
 * is run by whichever of the threads is free, so that one slow action does not hold back the
 * ones after it (the rate stays as offered as long as the threads keep up).
 */
final class Pacer {

	private Pacer() {
	}

	/**
	 * Runs the action {@code rate * duration} times at the rate.
	 * @param threads the threads to use
	 * @param threadCount how many of them
	 * @param rate actions per second
	 * @param duration how long
	 * @param action what to run
	 * @return what was offered
	 */
	static Offered run(ExecutorService threads, int threadCount, int rate, Duration duration, Runnable action) {
		long interval = 1_000_000_000L / rate;
		int count = (int) (duration.toMillis() * rate / 1000);
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threadCount; t++) {
			workers.add(threads.submit(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					long wait = start + i * interval - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
					action.run();
				}
			}));
		}
		for (Future<?> worker : workers) {
			try {
				worker.get(10, TimeUnit.MINUTES);
			}
			catch (Exception ex) {
				throw new IllegalStateException("A paced thread failed", ex);
			}
		}
		return new Offered(count, (System.nanoTime() - start) / 1e9);
	}

	/**
	 * What was offered.
	 *
	 * @param count how many actions ran
	 * @param seconds how long it took (the duration, unless the threads fell behind)
	 */
	record Offered(int count, double seconds) {

		double rate() {
			return this.count / this.seconds;
		}

	}

}
