package dev.eventbus.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FauxqsCache}: the first use installs the package files of the jar ({@code npm ci}, from npm's
 * own cache where it has the packages) into a directory named for their version, replacing what an interrupted
 * install left; later uses reuse it.
 */
class FauxqsCacheTests {

	@Test
	void firstUseInstallsIntoAVersionedDirectoryAndLaterUsesReuseIt(@TempDir Path root) throws Exception {
		String name = FauxqsCache.directoryName(FauxqsCache.packageFiles());
		// what an install that died leaves: a staging directory, and a directory without node_modules
		Files.createDirectories(root.resolve(name + ".installing-42/node_modules/fauxqs"));
		Files.createDirectories(root.resolve(name));
		Files.writeString(root.resolve(name).resolve("start.mjs"), "// broken");

		Path dir = FauxqsCache.installed(root);

		assertThat(dir).isEqualTo(root.resolve(name));
		FauxqsCache.packageFiles()
			.forEach((file, content) -> assertThat(dir.resolve(file)).as(file).hasBinaryContent(content));
		assertThat(NodePlatform.binary(dir)).isExecutable();
		assertThat(nodeVersion(NodePlatform.binary(dir))).startsWith("v24.");
		try (Stream<Path> entries = Files.list(root)) {
			assertThat(entries.map((path) -> path.getFileName().toString())).containsExactlyInAnyOrder(name,
					name + ".lock");
		}
		FileTime installedAt = Files.getLastModifiedTime(dir.resolve("node_modules"));

		assertThat(FauxqsCache.installed(root)).isEqualTo(dir);
		assertThat(Files.getLastModifiedTime(dir.resolve("node_modules"))).isEqualTo(installedAt);
	}

	@Test
	void twoJvmsInstallingAtOnceShareOneInstallation(@TempDir Path root) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Process other = new ProcessBuilder(java, "-cp", classPath, CacheInstallMain.class.getName(), root.toString())
			.redirectErrorStream(true)
			.start();

		Path dir = FauxqsCache.installed(root);

		assertThat(other.waitFor(5, TimeUnit.MINUTES)).as("the other JVM finished").isTrue();
		String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(other.exitValue()).as("exit code of the other JVM; its output:%n%s", output).isZero();
		assertThat(output.strip()).endsWith(dir.toString());
		assertThat(NodePlatform.binary(dir)).isExecutable();
		try (Stream<Path> entries = Files.list(root)) {
			assertThat(entries.map((path) -> path.getFileName().toString())).containsExactlyInAnyOrder(
					dir.getFileName().toString(), dir.getFileName() + ".lock");
		}
	}

	@Test
	void theVersionChangesWithAnyPackageFile() {
		Map<String, byte[]> files = FauxqsCache.packageFiles();
		Map<String, byte[]> changed = new LinkedHashMap<>(files);
		changed.put("start.mjs", (new String(files.get("start.mjs"), StandardCharsets.UTF_8) + "\n")
			.getBytes(StandardCharsets.UTF_8));

		assertThat(FauxqsCache.version(files)).hasSize(16).isEqualTo(FauxqsCache.version(FauxqsCache.packageFiles()));
		assertThat(FauxqsCache.version(changed)).isNotEqualTo(FauxqsCache.version(files));
	}

	@Test
	void theDefaultRootIsUnderTheUsersCacheDirectory() {
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path base = (xdg != null && !xdg.isBlank()) ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
		String configured = EmulatorSettings.setting(FauxqsCache.CACHE_PROPERTY, FauxqsCache.CACHE_ENV);

		assertThat(FauxqsCache.root()).isEqualTo(
				(configured != null) ? Path.of(configured).toAbsolutePath() : base.resolve("eventbus").toAbsolutePath());
	}

	private static String nodeVersion(Path node) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
	}

}
