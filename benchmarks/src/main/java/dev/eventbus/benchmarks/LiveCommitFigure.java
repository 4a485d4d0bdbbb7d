package dev.eventbus.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Commit throughput the way applications run: threads that each save and commit one new
 * {@code @PublishEvents} entity per transaction for a fixed time while the relay sends and a
 * {@code @Listener} consumes; against the same application saving the same entity without
 * events. Reports the backlog (outbox rows not yet published) when the window ends and the
 * time until it has drained and the listener has every event.
 */
final class LiveCommitFigure {

	static final String CHART = "commit-backlog.png";

	private final Fixture fixture;

	private final Profile profile;

	private final CpuMeter cpu;

	private final Path charts;

	private final List<Double> outboxDrains = new ArrayList<>();

	private final List<Double> notArrived = new ArrayList<>();

	private List<BacklogSampler.Sample> lastSamples = List.of();

	private double lastWindowEnd;

	LiveCommitFigure(Fixture fixture, Profile profile, CpuMeter cpu, Path charts) {
		this.fixture = fixture;
		this.profile = profile;
		this.cpu = cpu;
		this.charts = charts;
	}

	List<Figure> run() throws IOException {
		Figure rate = new Figure("commit throughput, relay and listener running", "commits/s",
				"same entity without @PublishEvents", Figure.Goal.AT_LEAST, 0.75);
		Figure backlog = new Figure("backlog at the end of the commit window", "outbox rows", "-", Figure.Goal.REPORT,
				0);
		Figure drain = new Figure("drain after the commit window", "s until the listener has all", "-",
				Figure.Goal.REPORT, 0);
		drain.note = "report";
		rate.details.put("threads", this.profile.commitThreads());
		rate.details.put("secondsPerSide", this.profile.liveCommitDuration().toMillis() / 1000.0);
		ExecutorService threads = Executors.newFixedThreadPool(this.profile.commitThreads());
		CommitLoad load = new CommitLoad(this.fixture, threads, this.profile.commitThreads());
		try {
			Rounds.alternate(this.profile.warmupRounds(), this.profile.totalLongRounds(),
					List.of((round, counted) -> ours(load, round, counted, rate, backlog, drain),
							(round, counted) -> baseline(load, round, counted, rate)));
		}
		finally {
			threads.shutdownNow();
			CommitFigure.reset(this.fixture);
		}
		double oneSecond = rate.oursMedian();
		backlog.condition = backlog.oursMedian() <= oneSecond;
		backlog.note = String.format("<= 1 s of commits (%.0f rows)", oneSecond);
		drain.details.put("outboxDrainSecondsRounds", this.outboxDrains.stream().map(Figure::round).toList());
		backlog.details.put("notYetAtListenerRounds", this.notArrived);
		Map<String, List<double[]>> series = new LinkedHashMap<>();
		series.put("outbox rows not yet published", BacklogSampler.points(this.lastSamples, true));
		series.put("committed, not yet at the listener", BacklogSampler.points(this.lastSamples, false));
		Charts.overTime(this.charts.resolve(CHART),
				"Backlog: " + this.profile.commitThreads() + " threads committing, relay and listener running",
				"events", series, this.lastWindowEnd);
		backlog.details.put("chart", "charts/" + CHART);
		return List.of(rate, backlog, drain);
	}

	private void ours(CommitLoad load, int round, boolean counted, Figure rate, Figure backlog, Figure drain) {
		WatchedLoad<CommitLoad.Result> run = measure(this.fixture, load, this.profile.liveCommitDuration(), this.cpu);
		double commits = run.result().rate();
		Benchmarks.log("commit (relay and listener running) round %d ours: %.0f commits/s (%s)", round, commits,
				run.describe());
		if (counted) {
			rate.addOurs(commits, run.cpu());
			backlog.addOurs(run.outboxRows(), run.cpu());
			drain.addOurs(run.drain().listenerSeconds(), run.drainCpu());
			this.outboxDrains.add(run.drain().outboxSeconds());
			this.notArrived.add((double) run.notArrived());
			this.lastSamples = run.samples();
			this.lastWindowEnd = run.loadStopped();
		}
	}

	/**
	 * One round of ours: commits {@code @PublishEvents} entities for a time while the relay and
	 * the listener run, then waits until the listener has every event.
	 * @param fixture the application (its tables and outbox are emptied first)
	 * @param load the committing threads, on that application
	 * @param duration how long to commit
	 * @param cpu the CPU meter
	 * @return what was measured
	 */
	static WatchedLoad<CommitLoad.Result> measure(Fixture fixture, CommitLoad load, Duration duration, CpuMeter cpu) {
		CommitFigure.reset(fixture);
		long handledBefore = fixture.listeners.handled();
		load.reset();
		return WatchedLoad.run(fixture, cpu, true, load::committed, () -> fixture.listeners.handled() - handledBefore,
				() -> load.forDuration(duration, (n) -> new PublishedOrder(UUID.randomUUID(), n)));
	}

	private void baseline(CommitLoad load, int round, boolean counted, Figure rate) {
		CommitFigure.reset(this.fixture);
		CpuMeter.Window window = this.cpu.start();
		CommitLoad.Result result = load.forDuration(this.profile.liveCommitDuration(),
				(n) -> new PlainOrder(UUID.randomUUID(), n));
		CpuMeter.Usage usage = window.stop();
		Benchmarks.log("commit (relay and listener running) round %d baseline: %.0f commits/s (%s)", round,
				result.rate(), usage.describe());
		if (counted) {
			rate.addBaseline(result.rate(), usage);
		}
	}

}
