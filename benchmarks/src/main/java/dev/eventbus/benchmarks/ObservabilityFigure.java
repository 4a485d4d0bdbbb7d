package dev.eventbus.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What metrics and tracing cost: the live commit figure (threads commit {@code @PublishEvents}
 * entities while the relay and a listener run) and the relay figure (a backlog relayed to a
 * topic without subscribers), each run on applications with observability on
 * ({@link ObservabilityVariant#ON}, {@link ObservabilityVariant#ON_10}) and off, side by side in
 * interleaved rounds. Each variant is an application of its own, with its own schema, topics and
 * queues; all of them stay up for the whole figure (those not measured are idle). Reports the
 * ratio on / off of the medians, and in {@code results.json} the ratio of each round.
 */
final class ObservabilityFigure {

	private static final String OFF_NAME = "observability off: no MeterRegistry, no tracer";

	private final BenchmarkContexts contexts;

	private final Profile profile;

	private final CpuMeter cpu;

	ObservabilityFigure(BenchmarkContexts contexts, Profile profile, CpuMeter cpu) {
		this.contexts = contexts;
		this.profile = profile;
		this.cpu = cpu;
	}

	List<Figure> run() {
		List<ObservedApplication> applications = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(this.profile.commitThreads());
		try {
			for (ObservabilityVariant variant : ObservabilityVariant.ALL) {
				applications.add(ObservedApplication.start(this.contexts.withSuffix(variant.suffix()), variant, threads,
						this.profile.commitThreads()));
			}
			Map<ObservabilityVariant, Figure> commits = figures(applications,
					"commit throughput, relay and listener running", "commits/s");
			Map<ObservabilityVariant, Figure> relays = figures(applications, "relay throughput", "events/s");
			Rounds.alternate(this.profile.warmupRounds(), this.profile.totalLongRounds(),
					applications.stream().map((app) -> (Rounds.Side) (round, counted) -> commit(app, round, counted, commits))
						.toList());
			applications.forEach((app) -> CommitFigure.reset(app.fixture()));
			applications.forEach((app) -> app.fixture().topicArn(Channels.RELAY));
			Rounds.alternate(this.profile.warmupRounds(), this.profile.totalRounds(),
					applications.stream().map((app) -> (Rounds.Side) (round, counted) -> relay(app, round, counted, relays))
						.toList());
			List<Figure> figures = new ArrayList<>(commits.values());
			figures.addAll(relays.values());
			for (ObservedApplication app : applications) {
				if (app.variant().on()) {
					app.describe(commits.get(app.variant()).details);
					app.describe(relays.get(app.variant()).details);
				}
			}
			figures.forEach(ObservabilityFigure::roundRatios);
			return figures;
		}
		finally {
			threads.shutdownNow();
			applications.forEach(ObservedApplication::close);
		}
	}

	private Map<ObservabilityVariant, Figure> figures(List<ObservedApplication> applications, String what,
			String unit) {
		Map<ObservabilityVariant, Figure> figures = new LinkedHashMap<>();
		for (ObservedApplication app : applications) {
			if (app.variant().on()) {
				Figure figure = new Figure("observability " + app.variant().name() + " / off: " + what, unit, OFF_NAME,
						Figure.Goal.REPORT, 0);
				figure.note = "report ratio on / off";
				figure.details.put("sampling", app.variant().sampling());
				figure.details.put("spanExporter",
						"Boot's BatchSpanProcessor (defaults) into OtlpEncodingSpanExporter: OTLP protobuf, bytes discarded");
				figure.details.put("prometheusScrapeSeconds", ObservabilityConfiguration.SCRAPE_INTERVAL.toSeconds());
				figures.put(app.variant(), figure);
			}
		}
		return figures;
	}

	private void commit(ObservedApplication app, int round, boolean counted, Map<ObservabilityVariant, Figure> figures) {
		long spans = app.spans();
		WatchedLoad<CommitLoad.Result> run = LiveCommitFigure.measure(app.fixture(), app.load(),
				this.profile.liveCommitDuration(), this.cpu);
		double rate = run.result().rate();
		double spansPerEvent = (app.spans() - spans) / (double) run.result().commits();
		Benchmarks.log("observability %s, commit (relay and listener running) round %d: %.0f commits/s, %.1f spans"
				+ " per commit (%s)", app.variant().name(), round, rate, spansPerEvent, run.describe());
		if (counted) {
			record(app, figures, rate, run.cpu(), spansPerEvent);
			for (Figure figure : sides(app, figures)) {
				String key = app.variant().on() ? "drainSecondsRounds" : "baselineDrainSecondsRounds";
				rounds(figure, key).add(Figure.round(run.drain().listenerSeconds()));
				rounds(figure, app.variant().on() ? "backlogRowsRounds" : "baselineBacklogRowsRounds")
					.add((double) run.outboxRows());
			}
		}
	}

	private void relay(ObservedApplication app, int round, boolean counted, Map<ObservabilityVariant, Figure> figures) {
		long spans = app.spans();
		int rows = this.profile.relayBacklog();
		CpuMeter.Usage usage = RelayFigure.relay(app.fixture(), rows, this.cpu);
		double rate = rows / usage.seconds();
		double spansPerEvent = (app.spans() - spans) / (double) rows;
		Benchmarks.log("observability %s, relay round %d: %.0f events/s, %.1f spans per event (%s)",
				app.variant().name(), round, rate, spansPerEvent, usage.describe());
		if (counted) {
			record(app, figures, rate, usage, spansPerEvent);
		}
	}

	private static void record(ObservedApplication app, Map<ObservabilityVariant, Figure> figures, double value,
			CpuMeter.Usage usage, double spansPerEvent) {
		for (Figure figure : sides(app, figures)) {
			figure.add(app.variant().on(), value, usage);
			if (app.variant().on()) {
				rounds(figure, "spansPerEventRounds").add(Figure.round(spansPerEvent));
			}
		}
	}

	/** The figures a variant's value goes into: its own, or every figure's baseline for off. */
	private static List<Figure> sides(ObservedApplication app, Map<ObservabilityVariant, Figure> figures) {
		Figure own = figures.get(app.variant());
		return (own != null) ? List.of(own) : List.copyOf(figures.values());
	}

	@SuppressWarnings("unchecked")
	private static List<Double> rounds(Figure figure, String key) {
		return (List<Double>) figure.details.computeIfAbsent(key, (name) -> new ArrayList<Double>());
	}

	/** The ratio on / off of each counted round (the sides of a round ran one after the other). */
	private static void roundRatios(Figure figure) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < Math.min(figure.ours.size(), figure.baseline.size()); i++) {
			ratios.add(Figure.round(figure.ours.get(i) / figure.baseline.get(i)));
		}
		figure.details.put("roundRatios", ratios);
	}

}
