package dev.eventbus.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Commit throughput: threads that each save and commit one new entity per transaction, for a
 * fixed time; the published entity ({@code @PublishEvents}: capture, JSON, outbox insert) against
 * the same entity without events. The relay is stopped meanwhile: what it costs is the relay
 * figure's business, and on two cores it would only measure its CPU competition.
 */
final class CommitFigure {

	private final Fixture fixture;

	private final Profile profile;

	private final CpuMeter cpu;

	CommitFigure(Fixture fixture, Profile profile, CpuMeter cpu) {
		this.fixture = fixture;
		this.profile = profile;
		this.cpu = cpu;
	}

	Figure run() {
		Figure figure = new Figure("commit throughput", "commits/s", "same entity without @PublishEvents",
				Figure.Goal.AT_LEAST, 0.85);
		figure.details.put("threads", this.profile.commitThreads());
		figure.details.put("secondsPerSide", this.profile.commitDuration().toMillis() / 1000.0);
		this.fixture.relay.stop();
		ExecutorService threads = Executors.newFixedThreadPool(this.profile.commitThreads());
		try {
			for (int round = 0; round < this.profile.totalRounds(); round++) {
				boolean counted = round >= this.profile.warmupRounds();
				boolean oursFirst = round % 2 == 0;
				for (int side = 0; side < 2; side++) {
					boolean ours = (side == 0) == oursFirst;
					reset();
					CpuMeter.Window window = this.cpu.start();
					double rate = measure(threads, ours ? (n) -> new PublishedOrder(UUID.randomUUID(), n)
							: (n) -> new PlainOrder(UUID.randomUUID(), n));
					CpuMeter.Usage usage = window.stop();
					if (counted) {
						if (ours) {
							figure.addOurs(rate, usage);
						}
						else {
							figure.addBaseline(rate, usage);
						}
					}
					Benchmarks.log("commit round %d %s: %.0f commits/s (%s)", round, ours ? "ours" : "baseline", rate,
							usage.describe());
				}
			}
		}
		finally {
			threads.shutdownNow();
			reset();
			this.fixture.relay.start();
		}
		return figure;
	}

	private void reset() {
		this.fixture.jdbc.execute("truncate bench_published_orders, bench_plain_orders, eventbus_outbox");
	}

	private double measure(ExecutorService threads, IntFunction<Object> entities) {
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger sequence = new AtomicInteger();
		List<Future<Integer>> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < this.profile.commitThreads(); i++) {
			workers.add(threads.submit(() -> {
				int commits = 0;
				while (!stop.get()) {
					Object entity = entities.apply(sequence.incrementAndGet());
					this.fixture.tx.executeWithoutResult((status) -> this.fixture.entityManager.persist(entity));
					commits++;
				}
				return commits;
			}));
		}
		Fixture.sleep(this.profile.commitDuration());
		stop.set(true);
		int total = 0;
		for (Future<Integer> worker : workers) {
			try {
				total += worker.get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("A commit thread failed", ex);
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return total / seconds;
	}

}
