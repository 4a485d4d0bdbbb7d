package dev.eventbus.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the harness working: runs every figure with the smoke profile (seconds) against
 * PostgreSQL and the fauxqs emulator. Asserts that each figure was measured and the results were
 * written, never the numbers: those are for {@code -Pbenchmark} runs on a quiet machine.
 */
class BenchmarkSmokeTests {

	@Test
	@SuppressWarnings("unchecked")
	void smokeProfileMeasuresEveryFigureAndWritesResults() throws Exception {
		Path output = Path.of("target", "smoke", "results.json");
		Files.deleteIfExists(output);
		Map<String, Object> results = Benchmarks.run(Profile.SMOKE, output);
		assertThat(output).exists();
		List<Map<String, Object>> figures = (List<Map<String, Object>>) results.get("figures");
		assertThat(figures).extracting((figure) -> figure.get("name"))
			.containsExactly("start-up with 50 listeners", "commit throughput", "relay throughput",
					"relay vs one-at-a-time", "listener throughput", "end-to-end latency p50",
					"end-to-end latency p99", "memory: relay backlog with -Xmx256m");
		assertThat(figures).allSatisfy((figure) -> assertThat(figure.get("ours")).isInstanceOf(Double.class)
			.matches((ours) -> Double.isFinite((Double) ours), "is a number"));
		assertThat(figures).filteredOn((figure) -> !"-".equals(figure.get("baselineName")))
			.allSatisfy((figure) -> assertThat(figure.get("baseline")).isNotNull());
		Map<String, Object> memory = figures.get(figures.size() - 1);
		assertThat(memory.get("met")).as("the memory figure's JVM completed").isEqualTo(true);
	}

}
