package dev.eventbus.benchmarks;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Commit throughput with the relay stopped: threads that each save and commit one new entity
 * per transaction, for a fixed time; the published entity ({@code @PublishEvents}: capture,
 * JSON, outbox insert) against the same entity without events. This isolates what the capture
 * and the outbox insert cost a transaction; {@link LiveCommitFigure} measures it the way
 * applications run, with the relay and a listener running.
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
		Figure figure = new Figure("commit throughput, relay stopped", "commits/s",
				"same entity without @PublishEvents", Figure.Goal.AT_LEAST, 0.85);
		figure.details.put("threads", this.profile.commitThreads());
		figure.details.put("secondsPerSide", this.profile.commitDuration().toMillis() / 1000.0);
		withRelayStopped(this.fixture, this.profile,
				(load, round, counted, ours) -> side(figure, load, round, counted, ours));
		return figure;
	}

	/**
	 * Runs the two sides of a commit figure in alternating rounds with the relay stopped, then
	 * empties the tables and starts the relay again.
	 * @param fixture the application
	 * @param profile the rounds and threads
	 * @param side one side of a round ({@code ours} true, then false; the order flips every round)
	 */
	static void withRelayStopped(Fixture fixture, Profile profile, Side side) {
		fixture.relay.stop();
		ExecutorService threads = Executors.newFixedThreadPool(profile.commitThreads());
		CommitLoad load = new CommitLoad(fixture, threads, profile.commitThreads());
		try {
			Rounds.alternate(profile.warmupRounds(), profile.totalRounds(),
					List.of((round, counted) -> side.run(load, round, counted, true),
							(round, counted) -> side.run(load, round, counted, false)));
		}
		finally {
			threads.shutdownNow();
			reset(fixture);
			fixture.relay.start();
		}
	}

	/** One side of a round of a commit figure. */
	interface Side {

		/**
		 * Runs the side once.
		 * @param load the committing threads
		 * @param round the round
		 * @param counted whether the round is counted (not a warm-up)
		 * @param ours whether it is our side
		 */
		void run(CommitLoad load, int round, boolean counted, boolean ours);

	}

	private void side(Figure figure, CommitLoad load, int round, boolean counted, boolean ours) {
		reset(this.fixture);
		CpuMeter.Window window = this.cpu.start();
		double rate = load.forDuration(this.profile.commitDuration(), ours
				? (n) -> new PublishedOrder(UUID.randomUUID(), n) : (n) -> new PlainOrder(UUID.randomUUID(), n))
			.rate();
		CpuMeter.Usage usage = window.stop();
		if (counted) {
			figure.add(ours, rate, usage);
		}
		Benchmarks.log("commit (relay stopped) round %d %s: %.0f commits/s (%s)", round, ours ? "ours" : "baseline",
				rate, usage.describe());
	}

	/**
	 * Empties the commit figures' tables and the outbox.
	 * @param fixture the application
	 */
	static void reset(Fixture fixture) {
		fixture.jdbc.execute("truncate bench_published_orders, bench_plain_orders, eventbus_outbox");
	}

}
