package dev.eventbus.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Threads that each save and commit one new entity per transaction, as fast as they can: for a
 * fixed time or until a number of saves. {@link #committed()} counts the commits so far, for
 * figures that watch the backlog meanwhile. Each transaction runs in an observation of its own
 * ({@code bench.commit}), as an application's request would: with observability on, the commit
 * has a trace to continue; without it (the {@code NOOP} registry) the observation does nothing.
 */
final class CommitLoad {

	static final String COMMIT_OBSERVATION = "bench.commit";

	private final Fixture fixture;

	private final ExecutorService threads;

	private final int threadCount;

	private final AtomicInteger committed = new AtomicInteger();

	CommitLoad(Fixture fixture, ExecutorService threads, int threadCount) {
		this.fixture = fixture;
		this.threads = threads;
		this.threadCount = threadCount;
	}

	/**
	 * Commits for a fixed time.
	 * @param duration how long
	 * @param entities the entity of the n-th save
	 * @return what was committed
	 */
	Result forDuration(Duration duration, IntFunction<Object> entities) {
		return run(Integer.MAX_VALUE, duration, entities);
	}

	/**
	 * Commits a number of saves.
	 * @param saves how many
	 * @param entities the entity of the n-th save
	 * @return what was committed
	 */
	Result count(int saves, IntFunction<Object> entities) {
		return run(saves, null, entities);
	}

	/**
	 * Commits so far in the current run (or the last one, until {@link #reset}).
	 * @return the count
	 */
	int committed() {
		return this.committed.get();
	}

	/** Starts counting commits afresh (each run does too). */
	void reset() {
		this.committed.set(0);
	}

	private Result run(int limit, @Nullable Duration duration, IntFunction<Object> entities) {
		reset();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger sequence = new AtomicInteger();
		List<Future<?>> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < this.threadCount; i++) {
			workers.add(this.threads.submit(() -> {
				for (int n = sequence.incrementAndGet(); !stop.get() && n <= limit; n = sequence.incrementAndGet()) {
					Object entity = entities.apply(n);
					Observation.createNotStarted(COMMIT_OBSERVATION, this.fixture.observations)
						.observe(() -> this.fixture.tx
							.executeWithoutResult((status) -> this.fixture.entityManager.persist(entity)));
					this.committed.incrementAndGet();
				}
			}));
		}
		if (duration != null) {
			Fixture.sleep(duration);
			stop.set(true);
		}
		for (Future<?> worker : workers) {
			try {
				worker.get(10, TimeUnit.MINUTES);
			}
			catch (Exception ex) {
				stop.set(true);
				throw new IllegalStateException("A commit thread failed", ex);
			}
		}
		return new Result(this.committed.get(), (System.nanoTime() - start) / 1e9);
	}

	/**
	 * What a run committed.
	 *
	 * @param commits how many transactions committed
	 * @param seconds how long it took
	 */
	record Result(int commits, double seconds) {

		double rate() {
			return this.commits / this.seconds;
		}

	}

}
