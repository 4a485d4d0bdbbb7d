package dev.eventbus.eventlog;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.EventLog;
import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, item 7: retention on the real path (PostgreSQL, relay, emulator). With a retention
 * the relay that holds partition 0 deletes the published events older than it and keeps the
 * younger ones and the unpublished ones; with {@code eventbus.outbox.purge-enabled=false} it keeps
 * them all, and the event log still reads the oldest.
 */
@EnableFauxqs
class RetentionIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	@Test
	void aRetentionDeletesOnlyThePublishedEventsOlderThanIt(FauxqsEmulator emulator) {
		String url = TestSchema.fresh("it_retention");
		JdbcTemplate jdbc = seeded(url);
		Map<String, String> properties = TestApps.properties(emulator, url, "it-retention");
		properties.put("eventbus.outbox.retention", "10d");
		properties.put("eventbus.outbox.lease-duration", "2s");
		try (ConfigurableApplicationContext context = TestApps.run(EventLogApplication.class, properties)) {
			await().atMost(TIMEOUT).until(() -> entityIds(jdbc).size() == 2);
			assertThat(entityIds(jdbc)).containsExactlyInAnyOrder("published-3-days-ago", "unpublished-30-days-ago");
		}
	}

	@Test
	void eventsKeptForeverAreNeverDeletedAndTheLogReadsTheOldest(FauxqsEmulator emulator) {
		String url = TestSchema.fresh("it_retention_forever");
		JdbcTemplate jdbc = seeded(url);
		Map<String, String> properties = TestApps.properties(emulator, url, "it-retention-forever");
		properties.put("eventbus.outbox.purge-enabled", "false");
		properties.put("eventbus.outbox.lease-duration", "2s");
		try (ConfigurableApplicationContext context = TestApps.run(EventLogApplication.class, properties)) {
			context.getBean(TransactionTemplate.class)
				.executeWithoutResult((status) -> context.getBean(EntityManager.class).persist(new Account(1L, "a", 1)));
			// the relay runs and holds partition 0, where the purge would run, every half second
			await().atMost(TIMEOUT)
				.until(() -> jdbc.queryForObject("select count(*) from eventbus_outbox where entity_id = '1'"
						+ " and published_at is not null", Long.class) == 1 && holdsPartitionZero(jdbc));
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
				.until(() -> entityIds(jdbc).size() == 4);
			assertThat(entityIds(jdbc)).contains("published-400-days-ago", "published-30-days-ago");
			assertThat(context.getBean(EventLog.class).history("Account", "published-400-days-ago", Map.class))
				.singleElement()
				.satisfies((event) -> assertThat(event.payload()).containsEntry("owner", "old"));
		}
	}

	/** The schema with four old rows: published 400, 30 and 3 days ago, and unpublished for 30 days. */
	private static JdbcTemplate seeded(String url) {
		DataSource dataSource = new DriverManagerDataSource(url, TestSchema.USER, "");
		new ResourceDatabasePopulator(new ClassPathResource("dev/eventbus/schema-postgresql.sql")).execute(dataSource);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		insert(jdbc, "published-400-days-ago", Duration.ofDays(400), true);
		insert(jdbc, "published-30-days-ago", Duration.ofDays(30), true);
		insert(jdbc, "published-3-days-ago", Duration.ofDays(3), true);
		insert(jdbc, "unpublished-30-days-ago", Duration.ofDays(30), false);
		return jdbc;
	}

	private static void insert(JdbcTemplate jdbc, String entityId, Duration age, boolean published) {
		UUID eventId = UUID.randomUUID();
		Timestamp at = Timestamp.from(Instant.now().minus(age));
		String body = "{\"eventId\":\"" + eventId + "\",\"channel\":\"Account\",\"action\":\"created\","
				+ "\"entityType\":\"Account\",\"entityId\":\"" + entityId + "\",\"occurredAt\":\"" + at.toInstant()
				+ "\",\"publisher\":\"it\",\"version\":1,\"payload\":{\"id\":0,\"owner\":\"old\",\"balance\":0}}";
		// an unpublished old row has been failing for a long time: not due for another hour, so it stays unpublished
		Timestamp nextAttempt = published ? at : Timestamp.from(Instant.now().plus(Duration.ofHours(1)));
		jdbc.update("insert into eventbus_outbox (event_id, channel, action, entity_id, ordering_key, body, created_at,"
				+ " next_attempt_at, attempts, published_at, topic) values (?, 'Account', 'created', ?, ?, ?, ?, ?, ?, ?,"
				+ " 'it-nowhere')", eventId, entityId, "Account:" + entityId, body, at, nextAttempt, published ? 0 : 9,
				published ? at : null);
	}

	private static List<String> entityIds(JdbcTemplate jdbc) {
		return jdbc.queryForList("select entity_id from eventbus_outbox where entity_id like '%-days-ago'", String.class);
	}

	private static boolean holdsPartitionZero(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select count(*) from eventbus_outbox_lease where partition_no = 0 and owner is not null"
				+ " and expires_at > now()", Long.class) == 1;
	}

}
