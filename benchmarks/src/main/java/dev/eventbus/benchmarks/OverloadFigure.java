package dev.eventbus.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.eventbus.benchmarks.LatencySides.Side;

/**
 * Overload: a rate above what the moderate latency figures offer (the profile's overload rate)
 * for a fixed time, commit to {@code @Listener}; p50 and p99, the outbox backlog when the load
 * stops and the time until the listener has every event; against raw SDK {@code Publish} of
 * the same events at the same rate to the same listener.
 */
final class OverloadFigure {

	static final String LATENCY_CHART = "overload-latency.png";

	static final String BACKLOG_CHART = "overload-backlog.png";

	private final Fixture fixture;

	private final Profile profile;

	private final CpuMeter cpu;

	private final Path charts;

	private final Map<Side, List<Long>> pooled = new EnumMap<>(Side.class);

	private final Map<Side, List<BacklogSampler.Sample>> lastSamples = new EnumMap<>(Side.class);

	private final Map<String, List<Double>> perRound = new LinkedHashMap<>();

	private double loadStopped;

	OverloadFigure(Fixture fixture, Profile profile, CpuMeter cpu, Path charts) {
		this.fixture = fixture;
		this.profile = profile;
		this.cpu = cpu;
		this.charts = charts;
	}

	List<Figure> run() throws IOException {
		String name = String.format(Locale.ROOT, "overload %,d/s for %d s", this.profile.overloadRate(),
				this.profile.overloadDuration().toSeconds());
		Figure p50 = new Figure(name + " p50", "ms", Side.RAW_TO_LISTENER.label, Figure.Goal.REPORT, 0);
		p50.note = "report";
		Figure p99 = new Figure(name + " p99", "ms", Side.RAW_TO_LISTENER.label, Figure.Goal.REPORT, 0);
		p99.note = "p99 <= 100 ms";
		Figure backlog = new Figure(name + " backlog at the end", "outbox rows", "-", Figure.Goal.REPORT, 0);
		backlog.note = String.format(Locale.ROOT, "<= 1 s of load (%,d rows)", this.profile.overloadRate());
		Figure drain = new Figure(name + " drain", "s until the listener has all", Side.RAW_TO_LISTENER.label,
				Figure.Goal.REPORT, 0);
		drain.note = "report";
		List<Figure> figures = List.of(p50, p99, backlog, drain);
		ExecutorService threads = Executors.newFixedThreadPool(this.profile.commitThreads());
		LatencySides sides = new LatencySides(this.fixture, threads, this.profile.commitThreads());
		try {
			List<Rounds.Side> rounds = new ArrayList<>();
			for (Side side : List.of(Side.OURS, Side.RAW_TO_LISTENER)) {
				this.pooled.put(side, new ArrayList<>());
				rounds.add((round, counted) -> side(sides, side, round, counted, figures));
			}
			Rounds.alternate(this.profile.warmupRounds(), this.profile.totalLongRounds(), rounds);
		}
		finally {
			sides.close();
			threads.shutdownNow();
		}
		p99.condition = p99.oursMedian() <= 100;
		backlog.condition = backlog.oursMedian() <= this.profile.overloadRate();
		Charts.latency(this.charts.resolve(LATENCY_CHART), name + ": latency (all counted rounds)",
				LatencyFigure.labelled(this.pooled));
		Map<String, List<double[]>> series = new LinkedHashMap<>();
		series.put("ours: outbox rows not yet published", BacklogSampler.points(this.lastSamples.get(Side.OURS), true));
		series.put("ours: sent, not yet at the listener",
				BacklogSampler.points(this.lastSamples.get(Side.OURS), false));
		series.put(Side.RAW_TO_LISTENER.label + ": sent, not yet at the listener",
				BacklogSampler.points(this.lastSamples.get(Side.RAW_TO_LISTENER), false));
		Charts.overTime(this.charts.resolve(BACKLOG_CHART), name + ": backlog (last counted round)", "events", series,
				this.loadStopped);
		for (Figure figure : figures) {
			figure.details.put("offeredPerSecond", this.profile.overloadRate());
			figure.details.put("seconds", this.profile.overloadDuration().toSeconds());
			figure.details.put("threads", this.profile.commitThreads());
		}
		p50.details.put("pooled", LatencyFigure.pooledPercentiles(this.pooled));
		p50.details.put("chart", "charts/" + LATENCY_CHART);
		backlog.details.put("chart", "charts/" + BACKLOG_CHART);
		backlog.details.putAll(this.perRound);
		return figures;
	}

	private void side(LatencySides sides, Side side, int round, boolean counted, List<Figure> figures) {
		boolean ours = side == Side.OURS;
		WatchedLoad<Pacer.Offered> run = WatchedLoad.run(this.fixture, this.cpu, ours, sides::sent,
				() -> sides.arrived(side),
				() -> sides.offer(side, this.profile.overloadRate(), this.profile.overloadDuration()));
		List<Long> nanos = sides.collect(side, Duration.ofSeconds(60));
		double median = LatencyFigure.ms(nanos, 50);
		double tail = LatencyFigure.ms(nanos, 99);
		Benchmarks.log("overload round %d %s: offered %.0f/s, p50 %.1f ms, p99 %.1f ms (%s)", round, side.label,
				run.result().rate(), median, tail, run.describe());
		if (!counted) {
			return;
		}
		figures.get(0).add(ours, median, run.cpu());
		figures.get(1).add(ours, tail, run.cpu());
		if (ours) {
			figures.get(2).addOurs(run.outboxRows(), run.cpu());
			this.loadStopped = run.loadStopped();
		}
		figures.get(3).add(ours, run.drain().listenerSeconds(), run.drainCpu());
		this.pooled.get(side).addAll(nanos);
		this.lastSamples.put(side, run.samples());
		String prefix = ours ? "ours" : "baseline";
		this.perRound.computeIfAbsent(prefix + "OfferedPerSecondRounds", (key) -> new ArrayList<>())
			.add(Figure.round(run.result().rate()));
		this.perRound.computeIfAbsent(prefix + "NotYetAtListenerRounds", (key) -> new ArrayList<>())
			.add((double) run.notArrived());
	}

}
