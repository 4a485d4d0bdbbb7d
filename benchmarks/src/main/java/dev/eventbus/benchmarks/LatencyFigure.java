package dev.eventbus.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.eventbus.benchmarks.LatencySides.Side;

/**
 * End-to-end latency at steady moderate rates (each of the profile's latency rates): from the
 * commit of an entity to the invocation of its {@code @Listener} (outbox, relay, SNS, SQS,
 * container), at p50, p90 and p99; against a raw SDK {@code Publish} of the same event to the
 * same listener (what the outbox and relay add) and against a raw {@code Publish} received by a
 * raw receive loop (what eventbus adds in all). See {@link LatencySides}.
 */
final class LatencyFigure {

	private static final int[] PERCENTILES = { 50, 90, 99 };

	private final Fixture fixture;

	private final Profile profile;

	private final CpuMeter cpu;

	private final Path charts;

	LatencyFigure(Fixture fixture, Profile profile, CpuMeter cpu, Path charts) {
		this.fixture = fixture;
		this.profile = profile;
		this.cpu = cpu;
		this.charts = charts;
	}

	List<Figure> run() throws IOException {
		List<Figure> figures = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(this.profile.commitThreads());
		LatencySides sides = new LatencySides(this.fixture, threads, this.profile.commitThreads());
		try {
			for (int rate : this.profile.latencyRates()) {
				figures.addAll(run(sides, rate));
			}
		}
		finally {
			sides.close();
			threads.shutdownNow();
		}
		return figures;
	}

	private List<Figure> run(LatencySides sides, int rate) throws IOException {
		Map<Integer, Figure> vsListener = new LinkedHashMap<>();
		for (int percentile : PERCENTILES) {
			vsListener.put(percentile, new Figure("latency at " + rate + "/s p" + percentile, "ms",
					Side.RAW_TO_LISTENER.label, (percentile == 50) ? Figure.Goal.AT_MOST : Figure.Goal.REPORT,
					(percentile == 50) ? 1.5 : 0));
		}
		Figure vsRaw = new Figure("latency at " + rate + "/s p50, raw receive baseline", "ms", Side.RAW_TO_RAW.label,
				Figure.Goal.REPORT, 0);
		Map<Side, List<Long>> pooled = new EnumMap<>(Side.class);
		List<Rounds.Side> rounds = new ArrayList<>();
		for (Side side : Side.values()) {
			pooled.put(side, new ArrayList<>());
			rounds.add((round, counted) -> {
				CpuMeter.Window window = this.cpu.start();
				sides.offer(side, rate, this.profile.latencyDuration());
				CpuMeter.Usage usage = window.stop();
				List<Long> nanos = sides.collect(side, Duration.ofSeconds(60));
				Benchmarks.log("latency %d/s round %d %s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, %d samples (%s)", rate,
						round, side.label, ms(nanos, 50), ms(nanos, 90), ms(nanos, 99), nanos.size(), usage.describe());
				if (!counted) {
					return;
				}
				pooled.get(side).addAll(nanos);
				if (side != Side.RAW_TO_RAW) {
					vsListener.forEach((percentile, figure) -> figure.add(side == Side.OURS, ms(nanos, percentile),
							usage));
				}
				if (side != Side.RAW_TO_LISTENER) {
					vsRaw.add(side == Side.OURS, ms(nanos, 50), usage);
				}
			});
		}
		Rounds.alternate(this.profile.warmupRounds(), this.profile.totalRounds(), rounds);
		String chart = "latency-" + rate + ".png";
		Charts.latency(this.charts.resolve(chart), "Latency at " + rate + " events/s (all counted rounds)",
				labelled(pooled));
		List<Figure> figures = new ArrayList<>(vsListener.values());
		figures.add(vsRaw);
		for (Figure figure : figures) {
			figure.note = (figure.goal == Figure.Goal.REPORT) ? "report" : null;
			figure.details.put("eventsPerSecond", rate);
			figure.details.put("secondsPerSide", this.profile.latencyDuration().toMillis() / 1000.0);
			figure.details.put("chart", "charts/" + chart);
		}
		figures.get(0).details.put("pooled", pooledPercentiles(pooled));
		return figures;
	}

	/**
	 * The pooled percentiles of every side, for results.json.
	 * @param pooled the samples by side
	 * @return p50, p90 and p99 in ms by side
	 */
	static Map<String, Map<String, Double>> pooledPercentiles(Map<Side, List<Long>> pooled) {
		Map<String, Map<String, Double>> percentiles = new LinkedHashMap<>();
		pooled.forEach((side, nanos) -> {
			Map<String, Double> values = new LinkedHashMap<>();
			for (int percentile : PERCENTILES) {
				values.put("p" + percentile, Figure.round(ms(nanos, percentile)));
			}
			percentiles.put(side.label, values);
		});
		return percentiles;
	}

	static Map<String, List<Long>> labelled(Map<Side, List<Long>> pooled) {
		Map<String, List<Long>> series = new LinkedHashMap<>();
		pooled.forEach((side, nanos) -> series.put(side.label, nanos));
		return series;
	}

	static double ms(List<Long> nanos, double percentile) {
		return Stats.percentile(nanos, percentile) / 1e6;
	}

}
