package dev.eventbus.outside;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.eventbus.failure.TestSchema;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: {@code eventbus-test} used from an outside Maven project. The test installs this build's eventbus
 * artifacts (parent, autoconfigure, starter, test) into a local repository under {@code target/}, generates a
 * small Spring Boot project from {@code src/test/resources/outside-project} (an entity, a listener, one
 * {@code @EnableFauxqs} test; no {@code emulator/} folder, no AWS settings) and runs its tests with the Maven
 * wrapper, offline: the eventbus artifacts come from that repository, everything else from this build's local
 * repository as a read-only tail ({@code maven.repo.local.tail}). The emulator cache is a fresh directory, so
 * the project's test JVM installs fauxqs on first use ({@code npm ci}, from npm's cache) and starts it from
 * there; its test asserts the event reached the listener and that the emulator runs from the cache.
 */
class OutsideProjectIntegrationTests {

	private static final long BUILD_TIMEOUT_MINUTES = 8;

	private static final Path MODULE = Path.of("").toAbsolutePath();

	private static final Path ROOT = MODULE.getParent();

	private static final Path WORK = MODULE.resolve("target/outside-project");

	@Test
	void eventbusTestFromTheJarsStartsTheEmulatorFromTheCacheAndDeliversAnEvent() throws Exception {
		deleteRecursively(WORK);
		Path repository = WORK.resolve("repository");
		Path project = WORK.resolve("notes");
		Path cache = WORK.resolve("emulator-cache");
		String version = required("eventbus.it.project-version");
		installReactorArtifacts(repository, version);
		generateProject(project, Map.of("@EVENTBUS_VERSION@", version, "@SPRING_BOOT_VERSION@",
				required("eventbus.it.spring-boot-version"), "@SPRING_CLOUD_AWS_VERSION@",
				required("eventbus.it.spring-cloud-aws-version"), "@RESOURCES_PLUGIN_VERSION@", "3.5.0",
				"@COMPILER_PLUGIN_VERSION@", "3.14.1", "@SUREFIRE_PLUGIN_VERSION@", "3.5.4", "@JDBC_URL@",
				TestSchema.fresh("it_outside_project")));

		Path log = WORK.resolve("build.log");
		ProcessBuilder maven = new ProcessBuilder(ROOT.resolve("mvnw").toString(), "--batch-mode", "--offline",
				"-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + required("eventbus.it.local-repository"),
				"test").directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
		maven.environment().put("EVENTBUS_EMULATOR_CACHE", cache.toString());
		maven.environment().remove("MAVEN_ARGS");
		Process build = maven.start();
		if (!build.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
			build.descendants().forEach(ProcessHandle::destroyForcibly);
			build.destroyForcibly();
		}

		assertThat(build.isAlive() ? -1 : build.exitValue()).as("exit code of the outside build; its output:%n%s",
				Files.readString(log)).isZero();
		String report = Files.readString(project.resolve("target/surefire-reports/TEST-com.example.notes.NoteEventsTests.xml"));
		assertThat(report).contains("tests=\"1\"").contains("failures=\"0\"").contains("errors=\"0\"")
			.contains("skipped=\"0\"");
		assertThat(project.resolve("emulator")).doesNotExist();
		try (Stream<Path> installed = Files.list(cache)) {
			assertThat(installed.map((path) -> path.getFileName().toString())).filteredOn((name) -> !name.endsWith(".lock"))
				.singleElement().asString().matches("fauxqs-[0-9a-f]{16}-(linux|darwin)-(x64|arm64)");
		}
		assertThat(Files.readString(project.resolve("target/emulator-command-line.txt")))
			.contains(cache.toAbsolutePath().normalize() + "/fauxqs-").contains("start.mjs");
	}

	/** What {@code mvn install} would put into the repository: each module's pom, and its classes as a jar. */
	private static void installReactorArtifacts(Path repository, String version) throws IOException {
		install(repository, "eventbus-parent", version, ROOT.resolve("pom.xml"), null);
		for (String module : List.of("eventbus-autoconfigure", "eventbus-starter", "eventbus-test")) {
			install(repository, module, version, ROOT.resolve(module).resolve("pom.xml"),
					ROOT.resolve(module).resolve("target/classes"));
		}
	}

	private static void install(Path repository, String artifactId, String version, Path pom, Path classes)
			throws IOException {
		Path dir = repository.resolve("dev/eventbus").resolve(artifactId).resolve(version);
		Files.createDirectories(dir);
		Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"));
		if (classes != null) {
			try (OutputStream out = Files.newOutputStream(dir.resolve(artifactId + "-" + version + ".jar"));
					JarOutputStream jar = new JarOutputStream(out)) {
				if (Files.isDirectory(classes)) {
					addTree(jar, classes);
				}
			}
		}
	}

	private static void addTree(JarOutputStream jar, Path classes) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(classes)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		for (Path file : files) {
			jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
			Files.copy(file, jar);
			jar.closeEntry();
		}
	}

	private static void generateProject(Path project, Map<String, String> tokens) throws IOException, URISyntaxException {
		Path template = Path.of(OutsideProjectIntegrationTests.class.getResource("/outside-project/pom.xml").toURI())
			.getParent();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(template)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		for (Path file : files) {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			for (Map.Entry<String, String> token : tokens.entrySet()) {
				text = text.replace(token.getKey(), token.getValue());
			}
			assertThat(text).as(file.toString()).doesNotContainPattern("@[A-Z_]+@");
			Path target = project.resolve(template.relativize(file).toString());
			Files.createDirectories(target.getParent());
			Files.writeString(target, text, StandardCharsets.UTF_8);
		}
		// Maven looks for .mvn upwards from the project: stop it at the project instead of this repository
		Files.createDirectories(project.resolve(".mvn"));
	}

	private static String required(String property) {
		String value = System.getProperty(property);
		assertThat(value).as("system property %s (set by this module's surefire configuration)", property)
			.isNotBlank();
		return value;
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		List<Path> paths = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(dir)) {
			walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
		}
		for (Path path : paths) {
			try {
				Files.delete(path);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not delete " + path, ex);
			}
		}
	}

}
