package dev.eventbus.benchmarks;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

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
		FileSystemUtils.deleteRecursively(output.resolveSibling("charts"));
		Map<String, Object> results = Benchmarks.run(Profile.SMOKE, output);
		assertThat(output).exists();
		List<Map<String, Object>> figures = (List<Map<String, Object>>) results.get("figures");
		assertThat(figures).extracting((figure) -> figure.get("name"))
			.containsExactly("start-up with 50 listeners", "commit throughput, relay stopped",
					"event log indexes on / off: commit throughput, relay stopped",
					"commit throughput, relay and listener running", "backlog at the end of the commit window",
					"drain after the commit window", "end to end, 500 saves at full speed", "relay throughput",
					"relay vs one-at-a-time", "listener throughput", "latency at 100/s p50", "latency at 100/s p90",
					"latency at 100/s p99", "latency at 100/s p50, raw receive baseline", "latency at 500/s p50",
					"latency at 500/s p90", "latency at 500/s p99", "latency at 500/s p50, raw receive baseline",
					"overload 1,500/s for 1 s p50", "overload 1,500/s for 1 s p99",
					"overload 1,500/s for 1 s backlog at the end", "overload 1,500/s for 1 s drain",
					"observability on, 100 % sampled / off: commit throughput, relay and listener running",
					"observability on, 10 % sampled / off: commit throughput, relay and listener running",
					"observability on, 100 % sampled / off: relay throughput",
					"observability on, 10 % sampled / off: relay throughput", "memory: relay backlog with -Xmx256m");
		assertThat(figures).allSatisfy((figure) -> assertThat(figure.get("ours")).isInstanceOf(Double.class)
			.matches((ours) -> Double.isFinite((Double) ours), "is a number"));
		assertThat(figures).filteredOn((figure) -> !"-".equals(figure.get("baselineName")))
			.allSatisfy((figure) -> assertThat(figure.get("baseline")).isNotNull());
		assertThat(figures).filteredOn((figure) -> !"start-up with 50 listeners".equals(figure.get("name")))
			.allSatisfy((figure) -> assertThat((Map<String, Object>) figure.get("cpu")).as("cpu of %s", figure.get("name"))
				.containsKey("ours"));
		Map<String, Object> memory = figures.get(figures.size() - 1);
		assertThat(memory.get("met")).as("the memory figure's JVM completed").isEqualTo(true);
		for (String chart : List.of("commit-backlog.png", "latency-100.png", "latency-500.png", "overload-latency.png",
				"overload-backlog.png")) {
			BufferedImage image = ImageIO.read(output.resolveSibling("charts").resolve(chart).toFile());
			assertThat(image).as(chart).isNotNull();
			assertThat(image.getWidth()).as(chart).isEqualTo(900);
		}
	}

}
