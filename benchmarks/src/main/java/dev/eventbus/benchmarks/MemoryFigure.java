package dev.eventbus.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * Memory: a separate JVM limited to {@value #HEAP} of heap starts the application, fills the
 * outbox with a large backlog and relays all of it ({@link MemoryMain}); the figure is its peak
 * heap and whether it completed.
 */
final class MemoryFigure {

	static final String HEAP = "256m";

	private final BenchmarkContexts contexts;

	private final Profile profile;

	private final long emulatorPid;

	private final Path directory;

	MemoryFigure(BenchmarkContexts contexts, Profile profile, long emulatorPid, Path directory) {
		this.contexts = contexts;
		this.profile = profile;
		this.emulatorPid = emulatorPid;
		this.directory = directory;
	}

	@SuppressWarnings("unchecked")
	Figure run() throws IOException, InterruptedException {
		Figure figure = new Figure("memory: relay backlog with -Xmx" + HEAP, "MB peak heap", "-", Figure.Goal.REPORT, 0);
		figure.note = "completes with -Xmx" + HEAP;
		figure.details.put("backlog", this.profile.memoryBacklog());
		Files.createDirectories(this.directory);
		Path output = this.directory.resolve("memory-result.json");
		Path log = this.directory.resolve("memory-jvm.log");
		Files.deleteIfExists(output);
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError",
				"-cp", System.getProperty("java.class.path"), MemoryMain.class.getName(),
				Integer.toString(this.profile.memoryBacklog()), this.contexts.prefix(), Long.toString(this.emulatorPid),
				output.toString()));
		this.contexts.awsProperties().forEach((name, value) -> command.add(name + "=" + value));
		System.getProperties().forEach((name, value) -> {
			if (name.toString().startsWith("eventbus.") || name.toString().startsWith("spring.")) {
				command.add(name + "=" + value);
			}
		});
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean exited = process.waitFor(this.profile.memoryTimeout().toSeconds(), TimeUnit.SECONDS);
		if (!exited) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		figure.details.put("exitCode", exited ? process.exitValue() : null);
		figure.details.put("log", log.toString());
		if (exited && process.exitValue() == 0 && Files.exists(output)) {
			Map<String, Object> result = JsonMapper.builder().build().readValue(output.toFile(), Map.class);
			figure.addOurs(((Number) result.get("peakHeapUsedMb")).doubleValue(), null);
			figure.condition = Boolean.TRUE.equals(result.get("completed"));
			Map<String, Object> cpu = (Map<String, Object>) result.remove("cpu");
			figure.details.putAll(result);
			if (cpu != null) {
				figure.details.put("cpu", Map.of("ours", cpu));
			}
			Benchmarks.log("memory: %s", result);
		}
		else {
			figure.condition = false;
			figure.addOurs(Double.NaN, null);
			Benchmarks.log("memory: the relay JVM failed (exit %s), see %s", exited ? process.exitValue() : "timeout",
					log);
		}
		return figure;
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
