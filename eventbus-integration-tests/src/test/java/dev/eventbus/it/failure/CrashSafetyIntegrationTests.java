package dev.eventbus.it.failure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.eventbus.failure.Delivery;
import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.crash.CrashApp;
import dev.eventbus.failure.crash.CrashFixture;
import dev.eventbus.failure.crash.EntryListener;
import dev.eventbus.failure.crash.StallingRelayConfiguration;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import dev.eventbus.test.Queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3, crash safety: an application killed with SIGKILL while it commits leaves an outbox
 * row for exactly every committed change and none for a rolled-back or unfinished transaction,
 * and every committed entity's event is handled exactly once by an idempotent listener.
 * <p>
 * First with the relay of the killed JVM ({@link CrashFixture}) off, which pins the atomicity of
 * entity and outbox row: then even a plain listener sees each event once. Then with its relay on
 * and killed between {@code PublishBatch} and marking the batch published: another running
 * instance publishes that batch again, so a plain listener sees those events twice
 * (at-least-once) and the idempotent listener still once.
 */
@EnableFauxqs
class CrashSafetyIntegrationTests {

	private static final String SCHEMA = "fx_crash";

	private static final int COMMITS_BEFORE_KILL = 300;

	@TempDir
	Path temp;

	@Test
	void afterSigkillEveryCommittedEntityHasItsEventHandledExactlyOnceAndRolledBackOnesHaveNone(
			FauxqsEmulator emulator) throws Exception {
		String url = TestSchema.fresh(SCHEMA);
		Map<String, String> properties = TestApps.properties(emulator, url, "fx-crash");
		properties.put("spring.jpa.hibernate.ddl-auto", "none");

		Map<String, String> fixtureProperties = new LinkedHashMap<>(properties);
		fixtureProperties.put("spring.jpa.hibernate.ddl-auto", "create");
		fixtureProperties.put("eventbus.outbox.relay-enabled", "false");
		fixtureProperties.put("eventbus.consume.enabled", "false");
		fixtureProperties.put("eventbus.provision.mode", "none");
		Path log = this.temp.resolve("crash-fixture.log");
		Process fixture = launch(fixtureProperties, log);
		try {
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> !fixture.isAlive() || committed(url).size() >= COMMITS_BEFORE_KILL);
			assertThat(fixture.isAlive()).as("the fixture still runs; its output:%n%s", tail(log)).isTrue();
			fixture.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the application
			assertThat(fixture.waitFor(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			fixture.destroyForcibly();
		}
		assertThat(Files.readString(log)).contains("CRASH-FIXTURE READY").doesNotContain("NOT KILLED");

		Set<Long> committed = committed(url);
		long last = committed.stream().mapToLong(Long::longValue).max().orElseThrow();
		assertThat(committed).as("commits happen one after the other, and each one stays")
			.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
		Set<String> rolledBack = LongStream.rangeClosed(1, last + 1)
			.filter((n) -> n % 7 == 0)
			.mapToObj((n) -> Long.toString(CrashFixture.ROLLED_BACK_IDS + n))
			.collect(Collectors.toSet());
		assertThat(rolledBack).isNotEmpty();
		Set<String> committedIds = committed.stream().map(String::valueOf).collect(Collectors.toSet());
		Map<String, Long> outbox = outboxRowsByEntity(url);
		assertThat(outbox.keySet()).as("one outbox row for every committed entity and for nothing else")
			.containsExactlyInAnyOrderElementsOf(committedIds);
		assertThat(outbox.values()).containsOnly(1L);

		try (ConfigurableApplicationContext context = TestApps.run(CrashApp.class, properties)) {
			EntryListener listener = context.getBean(EntryListener.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> listener.deliveries().distinct(Delivery::entityId).size() >= committedIds.size()
						&& listener.once().distinct(Delivery::entityId).size() >= committedIds.size());
			awaitAllPublished(jdbc);

			assertThat(listener.deliveries().distinct(Delivery::entityId))
				.containsExactlyInAnyOrderElementsOf(committedIds)
				.doesNotContainAnyElementsOf(rolledBack);
			assertThat(listener.deliveries().count()).as("each committed entity's event handled exactly once")
				.isEqualTo(committedIds.size());
			assertThat(listener.once().distinct(Delivery::entityId))
				.containsExactlyInAnyOrderElementsOf(committedIds);
			assertThat(listener.once().count()).isEqualTo(committedIds.size());
		}
	}

	@Test
	void relayKilledBetweenPublishAndMarkingPublishedDuplicatesOnlyForPlainListenersAndIdempotentOnesHandleOnce(
			FauxqsEmulator emulator) throws Exception {
		String url = TestSchema.fresh(SCHEMA + "_relay");
		Map<String, String> properties = TestApps.properties(emulator, url, "fx-crash-relay");
		properties.put("spring.jpa.hibernate.ddl-auto", "none");
		Map<String, String> fixtureProperties = new LinkedHashMap<>(properties);
		fixtureProperties.put("spring.jpa.hibernate.ddl-auto", "create");
		fixtureProperties.put("eventbus.consume.enabled", "false");
		fixtureProperties.put("fx.crash.stall-after-sends", "3");

		// the surviving instance runs all along: its queues exist before anything is published
		try (ConfigurableApplicationContext survivor = TestApps.run(CrashApp.class, properties)) {
			EntryListener listener = survivor.getBean(EntryListener.class);
			JdbcTemplate jdbc = survivor.getBean(JdbcTemplate.class);
			Path log = this.temp.resolve("crash-fixture-relay.log");
			Process fixture = launch(fixtureProperties, log);
			int stalledBatch;
			try {
				await().atMost(Duration.ofSeconds(90))
					.pollInterval(Duration.ofMillis(50))
					.until(() -> !fixture.isAlive() || (Files.readString(log).contains(StallingRelayConfiguration.MARKER)
							&& committed(url).size() >= COMMITS_BEFORE_KILL));
				assertThat(fixture.isAlive()).as("the fixture still runs; its output:%n%s", tail(log)).isTrue();
				fixture.destroyForcibly();
				assertThat(fixture.waitFor(10, TimeUnit.SECONDS)).isTrue();
			}
			finally {
				fixture.destroyForcibly();
			}
			Matcher marker = Pattern.compile(Pattern.quote(StallingRelayConfiguration.MARKER) + " (\\d+)")
				.matcher(Files.readString(log));
			assertThat(marker.find()).isTrue();
			stalledBatch = Integer.parseInt(marker.group(1));
			assertThat(stalledBatch).isPositive();

			Set<Long> committed = committed(url);
			long last = committed.stream().mapToLong(Long::longValue).max().orElseThrow();
			assertThat(committed).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
			Set<String> committedIds = committed.stream().map(String::valueOf).collect(Collectors.toSet());
			assertThat(outboxRowsByEntity(url).keySet()).containsExactlyInAnyOrderElementsOf(committedIds);

			// the stalled batch reached SNS once from the killed relay and once more from the survivor's
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> listener.deliveries().count() >= committedIds.size() + stalledBatch
						&& listener.once().distinct(Delivery::entityId).size() >= committedIds.size());
			awaitAllPublished(jdbc);
			SqsAsyncClient sqs = survivor.getBean(SqsAsyncClient.class);
			String onceQueue = Queues.url(sqs, "fx-crash-relay-entryListener-entriesOnce");
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> Queues.depth(sqs, onceQueue) == 0);

			assertThat(listener.deliveries().distinct(Delivery::entityId))
				.containsExactlyInAnyOrderElementsOf(committedIds);
			// at least the stalled batch twice (another relay worker of the killed JVM may have been caught between
			// publish and mark as well)
			assertThat(listener.deliveries().count()).as("plain listener: at least once, the stalled batch twice")
				.isGreaterThanOrEqualTo(committedIds.size() + stalledBatch);
			assertThat(listener.once().distinct(Delivery::entityId))
				.containsExactlyInAnyOrderElementsOf(committedIds);
			assertThat(listener.once().count()).as("idempotent listener: exactly once").isEqualTo(committedIds.size());
			assertThat(jdbc.queryForObject("select count(*) from eventbus_inbox where listener_id = ?", Long.class,
					"entryListener-entriesOnce"))
				.isEqualTo(committedIds.size());
		}
	}

	private static void awaitAllPublished(JdbcTemplate jdbc) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.queryForObject("select count(*) from eventbus_outbox where published_at is null",
					Long.class) == 0);
	}

	private static Process launch(Map<String, String> properties, Path log) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// surefire runs tests from a manifest-only jar; it keeps the real class path here
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
				classPath, CrashFixture.class.getName()));
		command.addAll(List.of(TestApps.args(properties)));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static Set<Long> committed(String url) {
		Set<Long> ids = new TreeSet<>();
		try (Connection connection = DriverManager.getConnection(url, TestSchema.USER, "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select id from fx_crash_entry")) {
			while (rows.next()) {
				ids.add(rows.getLong(1));
			}
		}
		catch (SQLException ex) {
			// the fixture has not created the table yet
		}
		return ids;
	}

	private static Map<String, Long> outboxRowsByEntity(String url) throws SQLException {
		Map<String, Long> rows = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(url, TestSchema.USER, "");
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("select entity_id, count(*) from eventbus_outbox group by entity_id")) {
			while (result.next()) {
				rows.put(result.getString(1), result.getLong(2));
			}
		}
		return rows;
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

}
