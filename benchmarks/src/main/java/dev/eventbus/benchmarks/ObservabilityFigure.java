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
 * ratio on / off of the medians, and in {@code results.json} the ratio of each round, the CPU
 * time per event of each round and the ratio of its medians.
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
			// twice the usual rounds: they are short (seconds) and spread widely on a shared machine
			Rounds.alternate(this.profile.warmupRounds(), this.profile.warmupRounds() + 2 * this.profile.rounds(),
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
			cpuPerEvent(app, figures, run.result().commits(), run.cpu(), run.drainCpu());
			for (Figure figure : sides(app, figures)) {
				rounds(figure, key(app, "drainSecondsRounds")).add(Figure.round(run.drain().listenerSeconds()));
				rounds(figure, key(app, "backlogRowsRounds")).add((double) run.outboxRows());
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
			cpuPerEvent(app, figures, rows, usage);
		}
	}

	/**
	 * Notes the CPU time each event cost in the round, in milliseconds: the JVM's, and all three
	 * processes' (JVM, emulator, PostgreSQL). Less sensitive than throughput to what else runs on
	 * the machine.
	 */
	private static void cpuPerEvent(ObservedApplication app, Map<ObservabilityVariant, Figure> figures, int events,
			CpuMeter.Usage... windows) {
		double jvm = 0;
		double all = 0;
		for (CpuMeter.Usage window : windows) {
			jvm += window.jvm() * window.seconds();
			all += (window.jvm() + Math.max(0, window.emulator()) + Math.max(0, window.postgres())) * window.seconds();
		}
		for (Figure figure : sides(app, figures)) {
			rounds(figure, key(app, "jvmCpuMsPerEventRounds")).add(Figure.round(jvm * 1000 / events));
			rounds(figure, key(app, "cpuMsPerEventRounds")).add(Figure.round(all * 1000 / events));
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

	/** The key of a detail of the on side, or of the baseline ({@code drainSeconds}, {@code baselineDrainSeconds}). */
	private static String key(ObservedApplication app, String name) {
		return app.variant().on() ? name : "baseline" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	@SuppressWarnings("unchecked")
	private static List<Double> rounds(Figure figure, String key) {
		return (List<Double>) figure.details.computeIfAbsent(key, (name) -> new ArrayList<Double>());
	}

	/**
	 * The ratio on / off of each counted round (the sides of a round ran one after the other), and
	 * the ratio of the median CPU per event.
	 */
	private static void roundRatios(Figure figure) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < Math.min(figure.ours.size(), figure.baseline.size()); i++) {
			ratios.add(Figure.round(figure.ours.get(i) / figure.baseline.get(i)));
		}
		figure.details.put("roundRatios", ratios);
		figure.details.put("jvmCpuPerEventRatio", Figure.round(Stats.median(rounds(figure, "jvmCpuMsPerEventRounds"))
				/ Stats.median(rounds(figure, "baselineJvmCpuMsPerEventRounds"))));
		figure.details.put("cpuPerEventRatio", Figure.round(Stats.median(rounds(figure, "cpuMsPerEventRounds"))
				/ Stats.median(rounds(figure, "baselineCpuMsPerEventRounds"))));
		Benchmarks.log("%s: ratio %.2f, per round %s; CPU per event on / off: JVM %.2f, all %.2f", figure.name,
				figure.ratio(), ratios, figure.details.get("jvmCpuPerEventRatio"), figure.details.get("cpuPerEventRatio"));
	}

}
