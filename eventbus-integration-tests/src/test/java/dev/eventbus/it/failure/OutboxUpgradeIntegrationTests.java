package dev.eventbus.it.failure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.Delivery;
import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.TopicTap;
import dev.eventbus.failure.shared.Booking;
import dev.eventbus.failure.shared.BookingListener;
import dev.eventbus.failure.shared.SharedApp;
import dev.eventbus.outbox.JdbcOutboxStore;
import dev.eventbus.outbox.OutboxEvent;
import dev.eventbus.outbox.OutboxStore;
import dev.eventbus.outbox.Partitions;
import dev.eventbus.outbox.PendingEvent;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, item 1, the schema change: an {@code eventbus_outbox} table created by eventbus 0.1.0
 * (its script is kept in {@code src/test/resources/old-schema}) is upgraded in place by
 * {@code upgrade-destination-<platform>.sql}, {@code upgrade-partitions-<platform>.sql} and {@code upgrade-tracing-<platform>.sql}, which can
 * run twice, and by the create script that
 * the schema initializer runs. Rows written without a topic (before the upgrade, or by an
 * instance of the old version during a rolling upgrade) are still relayed, to the relaying
 * application's own topic of their channel with its publisher.
 */
@EnableFauxqs
class OutboxUpgradeIntegrationTests {

	private static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/";

	private static final String MARIADB_DATABASE = "eventbus_upgrade_test";

	@Test
	void postgresqlTableOfTheOldShapeIsUpgradedInPlaceAndRowsWithoutTopicAreStillRelayed(FauxqsEmulator emulator) {
		String url = TestSchema.fresh("fx_upgrade");
		DataSource dataSource = new DriverManagerDataSource(url, TestSchema.USER, "");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		run(dataSource, "old-schema/schema-postgresql.sql");
		UUID beforeUpgrade = insertOldRow(jdbc, 900);
		upgradeTwice(dataSource, "postgresql");
		assertUpgraded(jdbc, beforeUpgrade);

		Map<String, String> properties = TestApps.properties(emulator, url, "fx-upgrade");
		properties.put("spring.jpa.hibernate.ddl-auto", "create");
		try (ConfigurableApplicationContext context = TestApps.run(SharedApp.class, properties)) {
			TopicTap tap = TopicTap.subscribe(context.getBean(SnsClient.class), context.getBean(SqsAsyncClient.class),
					"fx-upgrade-Booking", "fx-upgrade-tap");
			// an instance of the old version, still running during a rolling upgrade, names only the old columns
			UUID duringUpgrade = insertOldRow(jdbc, 901);
			context.getBean(TransactionTemplate.class)
				.executeWithoutResult((status) -> context.getBean(EntityManager.class).persist(new Booking(902L, "new")));

			BookingListener listener = context.getBean(BookingListener.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> listener.received().size() >= 3 && tap.poll().size() >= 2);
			// the row from before the upgrade may have been relayed before the tap was subscribed
			assertThat(listener.received()).extracting(Delivery::entityId)
				.containsExactlyInAnyOrder("900", "901", "902");
			assertThat(listener.received()).extracting(Delivery::eventId)
				.contains(beforeUpgrade.toString(), duringUpgrade.toString());
			List<TopicTap.Notification> sent = tap.poll();
			assertThat(sent).extracting((notification) -> notification.body().path("entityId").asString())
				.contains("901", "902");
			assertThat(sent).allSatisfy((notification) -> {
				assertThat(notification.topicArn()).endsWith(":fx-upgrade-Booking");
				assertThat(notification.attributes()).containsEntry("publisher", "fx-upgrade");
				assertThat(notification.body().path("publisher").asString()).isEqualTo("fx-upgrade");
			});
			assertThat(jdbc.queryForObject("select count(*) from eventbus_outbox where published_at is null", Long.class))
				.isZero();
			assertThat(jdbc.queryForMap("select topic, publisher from eventbus_outbox where entity_id = '902'"))
				.containsEntry("topic", "fx-upgrade-Booking")
				.containsEntry("publisher", "fx-upgrade");
			assertThat(jdbc.queryForList("select topic from eventbus_outbox where entity_id in ('900', '901')",
					String.class))
				.as("rows without a topic keep it null")
				.containsExactly(null, null);
		}
	}

	@Test
	void postgresqlCreateScriptUpgradesATableOfTheOldShapeToo() {
		DataSource dataSource = new DriverManagerDataSource(TestSchema.fresh("fx_upgrade_create"), TestSchema.USER, "");
		assertCreateScriptUpgrades(dataSource, "postgresql");
	}

	@Test
	void h2TableOfTheOldShapeIsUpgradedInPlaceAndTheStoreReadsOldAndNewRows() {
		DataSource dataSource = h2("upgrade");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		run(dataSource, "old-schema/schema-h2.sql");
		UUID old = insertOldRow(jdbc, 900);
		upgradeTwice(dataSource, "h2");
		assertUpgraded(jdbc, old);
		assertStoreReadsOldAndNewRows(dataSource, "h2", old);
		assertCreateScriptUpgrades(h2("upgrade-create"), "h2");
	}

	@Test
	void mariadbTableOfTheOldShapeIsUpgradedInPlaceAndTheStoreReadsOldAndNewRows() throws SQLException {
		assumeThat(mariadbReachable()).as("MariaDB at " + MARIADB_URL + " (user root, no password)").isTrue();
		try (Connection admin = DriverManager.getConnection(MARIADB_URL, "root", "")) {
			admin.createStatement().execute("drop database if exists " + MARIADB_DATABASE);
			admin.createStatement().execute("create database " + MARIADB_DATABASE);
			DataSource dataSource = new DriverManagerDataSource(MARIADB_URL + MARIADB_DATABASE, "root", "");
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			run(dataSource, "old-schema/schema-mysql.sql");
			UUID old = insertOldRow(jdbc, 900);
			upgradeTwice(dataSource, "mysql");
			assertUpgraded(jdbc, old);
			assertStoreReadsOldAndNewRows(dataSource, "mysql", old);
			jdbc.execute("drop table eventbus_outbox");
			jdbc.execute("drop table eventbus_inbox");
			assertCreateScriptUpgrades(dataSource, "mysql");
		}
		finally {
			try (Connection admin = DriverManager.getConnection(MARIADB_URL, "root", "")) {
				admin.createStatement().execute("drop database if exists " + MARIADB_DATABASE);
			}
		}
	}

	/** The table has the new columns and the old row, with neither a topic nor a publisher. */
	private static void assertUpgraded(JdbcTemplate jdbc, UUID old) {
		List<Map<String, Object>> rows = jdbc.queryForList("select event_id, topic, publisher from eventbus_outbox");
		assertThat(rows).hasSize(1);
		assertThat(String.valueOf(rows.get(0).get("event_id"))).isEqualTo(old.toString());
		assertThat(rows.get(0)).containsEntry("topic", null).containsEntry("publisher", null);
		assertThat(jdbc.queryForObject("select partition_no from eventbus_outbox", Integer.class))
			.as("rows from before the partitions are in partition 0")
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from eventbus_outbox_lease", Long.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from eventbus_outbox_relay", Long.class)).isZero();
	}

	/** The old script's table, run through the current create script, has the new columns. */
	private static void assertCreateScriptUpgrades(DataSource dataSource, String platform) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		run(dataSource, "old-schema/schema-" + platform + ".sql");
		UUID old = insertOldRow(jdbc, 903);
		run(dataSource, "dev/eventbus/schema-" + platform + ".sql");
		run(dataSource, "dev/eventbus/schema-" + platform + ".sql");
		assertUpgraded(jdbc, old);
	}

	/** The store of this version appends a row with its destination and reads it beside the old one. */
	private static void assertStoreReadsOldAndNewRows(DataSource dataSource, String platform, UUID old) {
		OutboxStore store = new JdbcOutboxStore(dataSource, platform);
		UUID added = UUID.randomUUID();
		Instant now = Instant.now();
		try (Connection connection = dataSource.getConnection()) {
			store.append(connection, List.of(new OutboxEvent(added, "Booking", "created", "904", "shop-Booking", "shop",
					"{\"eventId\":\"" + added + "\"}", now)));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		List<PendingEvent> events = store.unpublished(allPartitions(), 0, 10);
		assertThat(events).extracting(PendingEvent::eventId).containsExactly(old, added);
		assertThat(events.get(0).topic()).isNull();
		assertThat(events.get(0).partition()).isZero();
		assertThat(events.get(1).topic()).isEqualTo("shop-Booking");
		assertThat(events.get(1).publisher()).isEqualTo("shop");
		assertThat(events.get(1).partition()).isEqualTo(Partitions.of("Booking:904"));
		store.markPublished(events, now);
		assertThat(store.unpublished(allPartitions(), 0, 10)).isEmpty();
		assertThat(new JdbcTemplate(dataSource)
			.queryForObject("select count(*) from eventbus_outbox where published_at is null", Long.class)).isZero();
	}

	private static Set<Integer> allPartitions() {
		return IntStream.range(0, Partitions.COUNT).boxed().collect(Collectors.toSet());
	}

	/** Inserts a row the way eventbus 0.1.0 did: without topic and publisher. */
	private static UUID insertOldRow(JdbcTemplate jdbc, long entityId) {
		UUID eventId = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now().minusSeconds(1));
		String body = "{\"eventId\":\"" + eventId + "\",\"channel\":\"Booking\",\"action\":\"created\","
				+ "\"entityType\":\"Booking\",\"entityId\":\"" + entityId + "\",\"occurredAt\":\"" + now.toInstant()
				+ "\",\"publisher\":\"fx-upgrade\",\"version\":1,\"payload\":{\"id\":" + entityId + "}}";
		jdbc.update("insert into eventbus_outbox (event_id, channel, action, entity_id, ordering_key, body, created_at,"
				+ " next_attempt_at, attempts) values (?, 'Booking', 'created', ?, ?, ?, ?, ?, 0)",
				uuidAsText(jdbc) ? eventId.toString() : eventId, String.valueOf(entityId), "Booking:" + entityId, body,
				now, now);
		return eventId;
	}

	/** MySQL and MariaDB keep event ids as text. */
	private static boolean uuidAsText(JdbcTemplate jdbc) {
		return jdbc.getDataSource() instanceof DriverManagerDataSource source && source.getUrl() != null
				&& source.getUrl().startsWith("jdbc:mariadb:");
	}

	/** Runs each upgrade script twice: the second run must change nothing. */
	private static void upgradeTwice(DataSource dataSource, String platform) {
		for (String script : List.of("upgrade-destination", "upgrade-partitions", "upgrade-tracing")) {
			run(dataSource, "dev/eventbus/" + script + "-" + platform + ".sql");
			run(dataSource, "dev/eventbus/" + script + "-" + platform + ".sql");
		}
	}

	private static void run(DataSource dataSource, String script) {
		new ResourceDatabasePopulator(new ClassPathResource(script)).execute(dataSource);
	}

	private static DataSource h2(String name) {
		return new DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"sa", "");
	}

	private static boolean mariadbReachable() {
		try (Connection connection = DriverManager.getConnection(MARIADB_URL, "root", "")) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
