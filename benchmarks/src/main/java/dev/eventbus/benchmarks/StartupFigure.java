package dev.eventbus.benchmarks;

import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up: the time to start the application context with fifty {@code @Listener} methods
 * (each one's queue, dead-letter queue and subscription created in the emulator, its container
 * started) against the same application without listeners. Every round uses fresh queue names,
 * so that provisioning really creates.
 */
final class StartupFigure {

	private final BenchmarkContexts contexts;

	private final Profile profile;

	StartupFigure(BenchmarkContexts contexts, Profile profile) {
		this.contexts = contexts;
		this.profile = profile;
	}

	Figure run() {
		Figure figure = new Figure("start-up with 50 listeners", "s", "same app without listeners",
				Figure.Goal.REPORT, 0);
		figure.note = "report seconds added";
		figure.details.put("listeners", StartupListeners.COUNT);
		java.util.List<Double> stops = new java.util.ArrayList<>();
		int rounds = 1 + this.profile.startupRounds();
		for (int round = 0; round < rounds; round++) {
			boolean counted = round >= 1;
			boolean withFirst = round % 2 == 0;
			for (int side = 0; side < 2; side++) {
				boolean with = (side == 0) == withFirst;
				Map<String, String> properties = with
						? Map.of("bench.listeners", "false", "bench.startup-listeners", "true",
								"eventbus.consume.queue-prefix", this.contexts.prefix() + "s" + round)
						: Map.of("bench.listeners", "false");
				long start = System.nanoTime();
				ConfigurableApplicationContext context = this.contexts.start(properties);
				double seconds = (System.nanoTime() - start) / 1e9;
				long stopStart = System.nanoTime();
				context.close();
				double stopSeconds = (System.nanoTime() - stopStart) / 1e9;
				Benchmarks.log("start-up round %d %s listeners: %.2f s (close %.2f s)", round, with ? "with" : "without",
						seconds, stopSeconds);
				if (counted) {
					if (with) {
						figure.addOurs(seconds, null);
						stops.add(stopSeconds);
					}
					else {
						figure.addBaseline(seconds, null);
					}
				}
			}
		}
		figure.details.put("secondsAdded", Figure.round(figure.oursMedian() - figure.baselineMedian()));
		figure.details.put("closeSecondsWithListeners", Figure.round(Stats.median(stops)));
		return figure;
	}

}
