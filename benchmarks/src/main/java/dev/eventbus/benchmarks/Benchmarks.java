package dev.eventbus.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.eventbus.autoconfigure.EventBusProperties;
import dev.eventbus.test.FauxqsEmulator;

/**
 * Runs every figure of a {@link Profile} against PostgreSQL and the fauxqs emulator, writes
 * {@code results.json} and prints a table. {@code main(profile, output)}: {@code smoke} or
 * {@code full}, and the JSON file to write.
 */
public final class Benchmarks {

	static final String CAVEAT = "On a 2-core machine the emulator (one Node.js process), PostgreSQL and the JVM "
			+ "compete for the same two cores: throughput figures are bounded by that competition, not by the "
			+ "broker alone. The cpu columns show each process's share (1.0 = one core busy).";

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Profile profile = Profile.named((args.length > 0) ? args[0] : "smoke");
		Path output = Path.of((args.length > 1) ? args[1] : "target/results.json");
		run(profile, output);
		System.exit(0);
	}

	/**
	 * Runs the figures of a profile.
	 * @param profile what to run
	 * @param output the JSON file to write
	 * @return the results as written
	 * @throws Exception when the harness cannot run
	 */
	public static Map<String, Object> run(Profile profile, Path output) throws Exception {
		long started = System.nanoTime();
		Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		FauxqsEmulator emulator = FauxqsEmulator.shared();
		long emulatorPid = CpuMeter.emulatorPid(emulator.port());
		String prefix = "bench-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2) + "-";
		BenchmarkContexts contexts = new BenchmarkContexts(emulator.springProperties(), prefix);
		CpuMeter cpu = new CpuMeter(ProcessHandle.current().pid(), emulatorPid);
		Path charts = output.toAbsolutePath().getParent().resolve("charts");
		log("profile %s, emulator %s (pid %d), names %s*, schema %s", profile.name(), emulator.endpoint(), emulatorPid,
				prefix, contexts.schema());
		List<Figure> figures = new ArrayList<>();
		String postgres;
		int relayWorkers;
		int listenerConcurrency;
		contexts.createSchema();
		try {
			if (selected("startup")) {
				figures.add(new StartupFigure(contexts, profile).run());
			}
			try (Fixture fixture = new Fixture(contexts)) {
				postgres = fixture.jdbc.queryForObject("show server_version", String.class);
				EventBusProperties properties = fixture.context.getBean(EventBusProperties.class);
				relayWorkers = properties.getOutbox().getRelayWorkers();
				listenerConcurrency = properties.getConsume().getMaxConcurrentMessages();
				if (selected("commit")) {
					figures.add(new CommitFigure(fixture, profile, cpu).run());
				}
				if (selected("eventlog-index")) {
					figures.add(new EventLogIndexFigure(fixture, profile, cpu).run());
				}
				// before the listener figure, which subscribes a raw queue to the same topic
				if (selected("live-commit")) {
					figures.addAll(new LiveCommitFigure(fixture, profile, cpu, charts).run());
				}
				if (selected("end-to-end")) {
					figures.add(new EndToEndFigure(fixture, profile, cpu, relayWorkers).run());
				}
				if (selected("relay")) {
					figures.addAll(new RelayFigure(fixture, profile, cpu, relayWorkers).run());
				}
				if (selected("listener")) {
					figures.add(new ListenerFigure(fixture, profile, cpu, listenerConcurrency).run());
				}
				if (selected("latency")) {
					figures.addAll(new LatencyFigure(fixture, profile, cpu, charts).run());
				}
				if (selected("overload")) {
					figures.addAll(new OverloadFigure(fixture, profile, cpu, charts).run());
				}
				fixture.deleteResources();
			}
			if (selected("observability")) {
				figures.addAll(new ObservabilityFigure(contexts, profile, cpu).run());
			}
			if (selected("memory")) {
				figures.add(new MemoryFigure(contexts, profile, emulatorPid, output.toAbsolutePath().getParent()).run());
			}
		}
		finally {
			contexts.dropSchema();
		}
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("profile", profile.name());
		results.put("startedAt", startedAt.toString());
		results.put("durationSeconds", Math.round((System.nanoTime() - started) / 1e9));
		results.put("machine", machine(postgres));
		results.put("settings", Map.of("relayWorkers", relayWorkers, "listenerMaxConcurrentMessages",
				listenerConcurrency, "warmupRounds", profile.warmupRounds(), "rounds", profile.rounds(), "longRounds",
				profile.longRounds()));
		results.put("charts", charts.toString());
		results.put("caveat", CAVEAT);
		results.put("figures", figures.stream().map(Figure::toMap).toList());
		Path absolute = output.toAbsolutePath();
		Files.createDirectories(absolute.getParent());
		JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(absolute.toFile(), results);
		System.out.println();
		System.out.println(Table.render(figures));
		System.out.println(CAVEAT);
		System.out.println("Results: " + absolute + ", charts: " + charts);
		return results;
	}

	/**
	 * Whether a figure runs: all of them unless {@code -Dbenchmark.only} lists some (startup,
	 * commit, eventlog-index, live-commit, end-to-end, relay, listener, latency, overload, observability, memory), for working
	 * on one figure.
	 */
	private static boolean selected(String figure) {
		String only = System.getProperty("benchmark.only", "");
		return only.isBlank() || List.of(only.split(",")).contains(figure);
	}

	private static Map<String, Object> machine(String postgres) throws IOException {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			machine.put("memoryGb", Math.round(os.getTotalMemorySize() / 1e9));
		}
		machine.put("java", System.getProperty("java.version"));
		machine.put("postgres", postgres);
		machine.put("emulator", "fauxqs (emulator/package.json), Node.js child process on loopback");
		return machine;
	}

	static void log(String format, Object... args) {
		System.out.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] "
				+ String.format(format, args));
	}

}
