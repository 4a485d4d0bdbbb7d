package dev.eventbus.eventlog;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import dev.eventbus.EventLog;
import dev.eventbus.EventLogPage;
import dev.eventbus.EventLogPosition;
import dev.eventbus.LoggedEvent;
import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.message.EventMessage;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.outbox.JdbcEventLog;
import dev.eventbus.outbox.JdbcOutboxStore;
import dev.eventbus.outbox.OutboxEvent;
import dev.eventbus.outbox.PendingEvent;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Issue 11, item 7: the SQL of the event log on each database (PostgreSQL, MariaDB, H2). The
 * schema script creates the indexes of its reads, the upgrade script adds them to a table without
 * them (and can run twice), and the log's reads return what they should: an entity's published
 * events in id order, and channel pages that stop before an unpublished row and before a row
 * published less than the settle time ago. On MariaDB, the start-up check of the indexes too.
 */
@EnableFauxqs
class EventLogDialectIntegrationTests {

	private static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/";

	private static final String MARIADB_DATABASE = "eventbus_eventlog_test";

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private static final Duration SETTLE = Duration.ofSeconds(5);

	private static final Set<String> INDEXES = Set.of("eventbus_outbox_entity", "eventbus_outbox_channel");

	private final EventMessageCodec codec = new EventMessageCodec();

	@Test
	void postgresql() {
		check(new DriverManagerDataSource(TestSchema.fresh("it_eventlog_sql"), TestSchema.USER, ""), "postgresql");
	}

	@Test
	void h2() {
		check(new DriverManagerDataSource("jdbc:h2:mem:eventlog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""),
				"h2");
	}

	@Test
	void mariadb() throws SQLException {
		assumeThat(mariadbReachable()).as("MariaDB at " + MARIADB_URL + " (user root, no password)").isTrue();
		try (Connection admin = DriverManager.getConnection(MARIADB_URL, "root", "")) {
			admin.createStatement().execute("drop database if exists " + MARIADB_DATABASE);
			admin.createStatement().execute("create database " + MARIADB_DATABASE);
			check(new DriverManagerDataSource(MARIADB_URL + MARIADB_DATABASE, "root", ""), "mysql");
		}
		finally {
			try (Connection admin = DriverManager.getConnection(MARIADB_URL, "root", "")) {
				admin.createStatement().execute("drop database if exists " + MARIADB_DATABASE);
			}
		}
	}

	/**
	 * The start-up check of the indexes (when eventbus does not run the schema script) reads the
	 * JDBC metadata of MariaDB right: it fails without an index, naming the upgrade script, and
	 * passes with both.
	 */
	@Test
	void mariadbStartUpCheckOfTheIndexes(FauxqsEmulator emulator) throws SQLException {
		assumeThat(mariadbReachable()).as("MariaDB at " + MARIADB_URL + " (user root, no password)").isTrue();
		try (Connection admin = DriverManager.getConnection(MARIADB_URL, "root", "")) {
			admin.createStatement().execute("drop database if exists " + MARIADB_DATABASE);
			admin.createStatement().execute("create database " + MARIADB_DATABASE);
			DataSource dataSource = new DriverManagerDataSource(MARIADB_URL + MARIADB_DATABASE, "root", "");
			run(dataSource, "dev/eventbus/schema-mysql.sql");
			new JdbcTemplate(dataSource).execute(dropIndex("mysql", "eventbus_outbox_channel"));
			Map<String, String> properties = TestApps.properties(emulator, MARIADB_URL + MARIADB_DATABASE,
					"it-eventlog-mariadb");
			properties.put("spring.datasource.username", "root");
			properties.put("spring.datasource.password", "");
			properties.put("eventbus.outbox.initialize-schema", "never");
			assertThatThrownBy(() -> TestApps.run(EventLogApplication.class, properties).close())
				.hasStackTraceContaining("The index eventbus_outbox_channel of the eventbus_outbox table does not exist")
				.hasStackTraceContaining("classpath:dev/eventbus/upgrade-eventlog-mysql.sql");
			run(dataSource, "dev/eventbus/upgrade-eventlog-mysql.sql");
			try (ConfigurableApplicationContext context = TestApps.run(EventLogApplication.class, properties)) {
				assertThat(context.getBean(EventLog.class).history("Account", 1L, Map.class)).isEmpty();
			}
		}
		finally {
			try (Connection admin = DriverManager.getConnection(MARIADB_URL, "root", "")) {
				admin.createStatement().execute("drop database if exists " + MARIADB_DATABASE);
			}
		}
	}

	private void check(DataSource dataSource, String platform) {
		run(dataSource, "dev/eventbus/schema-" + platform + ".sql");
		run(dataSource, "dev/eventbus/schema-" + platform + ".sql");
		assertThat(indexes(dataSource)).as("the schema script creates the indexes").containsAll(INDEXES);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute(dropIndex(platform, "eventbus_outbox_entity"));
		jdbc.execute(dropIndex(platform, "eventbus_outbox_channel"));
		assertThat(indexes(dataSource)).doesNotContainAnyElementsOf(INDEXES);
		run(dataSource, "dev/eventbus/upgrade-eventlog-" + platform + ".sql");
		run(dataSource, "dev/eventbus/upgrade-eventlog-" + platform + ".sql");
		assertThat(indexes(dataSource)).as("the upgrade script creates them, twice over").containsAll(INDEXES);
		reads(dataSource, platform);
	}

	private void reads(DataSource dataSource, String platform) {
		JdbcOutboxStore store = new JdbcOutboxStore(dataSource, platform);
		Instant longAgo = NOW.minus(Duration.ofMinutes(1));
		Map<String, PendingEvent> rows = new HashMap<>();
		append(store, dataSource, rows, "a1", "Account", "1", 10);
		append(store, dataSource, rows, "a2", "Account", "2", 20);
		append(store, dataSource, rows, "a1b", "Account", "1", 11);
		append(store, dataSource, rows, "other", "Other", "1", 99);
		append(store, dataSource, rows, "unpublished", "Account", "3", 30);
		append(store, dataSource, rows, "a1c", "Account", "1", 12);
		append(store, dataSource, rows, "recent", "Account", "4", 40);
		store.markPublished(List.of(rows.get("a1"), rows.get("a2"), rows.get("a1b"), rows.get("other"),
				rows.get("a1c")), longAgo);
		store.markPublished(List.of(rows.get("recent")), NOW.minusSeconds(1));
		EventLog log = log(dataSource, NOW);

		List<LoggedEvent<AccountView>> history = log.history("Account", 1L, AccountView.class);
		assertThat(history).extracting((event) -> event.payload().balance()).containsExactly(10, 11, 12);
		assertThat(history).extracting(LoggedEvent::publishedAt).containsOnly(longAgo);
		assertThat(history.get(0).eventId()).isEqualTo(rows.get("a1").eventId().toString());
		assertThat(history.get(0).action()).isEqualTo("created");
		assertThat(history.get(0).position().id()).isEqualTo(rows.get("a1").id());
		assertThat(log.history("Account", "3", AccountView.class)).as("unpublished: not in the log").isEmpty();

		EventLogPage<AccountView> page = log.read("Account", EventLogPosition.START, 2, AccountView.class);
		assertThat(balances(page)).containsExactly(10, 20);
		assertThat(page.full()).isTrue();
		assertThat(page.next().id()).isEqualTo(rows.get("a2").id());
		page = log.read("Account", page.next(), 10, AccountView.class);
		assertThat(balances(page)).as("stops before the unpublished row").containsExactly(11);
		assertThat(page.full()).isFalse();
		EventLogPosition stored = page.next();
		assertThat(log.read("Account", stored, 10, AccountView.class).events()).isEmpty();
		assertThat(log.read("Account", stored, 10, AccountView.class).next()).isEqualTo(stored);

		store.markPublished(List.of(rows.get("unpublished")), longAgo);
		page = log.read("Account", EventLogPosition.parse(stored.toString()), 10, AccountView.class);
		assertThat(balances(page)).as("stops before the row published within the settle time").containsExactly(30, 12);
		page = log(dataSource, NOW.plus(SETTLE)).read("Account", page.next(), 10, AccountView.class);
		assertThat(balances(page)).containsExactly(40);
		assertThat(page.events().get(0).entityId()).isEqualTo("4");
		assertThat(log.read("Other", EventLogPosition.START, 10, Map.class).events())
			.singleElement()
			.satisfies((event) -> assertThat(event.payload()).containsEntry("balance", 99));
	}

	private static List<Integer> balances(EventLogPage<AccountView> page) {
		return page.events().stream().map((event) -> event.payload().balance()).toList();
	}

	private EventLog log(DataSource dataSource, Instant now) {
		return new JdbcEventLog(dataSource, this.codec, SETTLE, Clock.fixed(now, ZoneOffset.UTC));
	}

	/** Appends one event as the capture does, and keeps its row (read back as the relay reads it). */
	private void append(JdbcOutboxStore store, DataSource dataSource, Map<String, PendingEvent> rows, String name,
			String channel, String entityId, int balance) {
		UUID eventId = UUID.randomUUID();
		Instant occurredAt = NOW.minus(Duration.ofMinutes(2));
		String body = this.codec.write(new EventMessage(eventId.toString(), channel, "created", channel, entityId,
				occurredAt, "it", 1, null, Map.of("id", Long.parseLong(entityId), "owner", "o", "balance", balance),
				null));
		try (Connection connection = dataSource.getConnection()) {
			store.append(connection, List.of(new OutboxEvent(eventId, channel, "created", entityId, "it-" + channel,
					"it", body, occurredAt)));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		List<PendingEvent> all = new ArrayList<>(store.unpublished(allPartitions(), 0, 100));
		rows.put(name, all.stream().filter((row) -> row.eventId().equals(eventId)).findFirst().orElseThrow());
	}

	private static Set<Integer> allPartitions() {
		Set<Integer> partitions = new TreeSet<>();
		for (int i = 0; i < dev.eventbus.outbox.Partitions.COUNT; i++) {
			partitions.add(i);
		}
		return partitions;
	}

	private static String dropIndex(String platform, String index) {
		return "mysql".equals(platform) ? "drop index " + index + " on eventbus_outbox" : "drop index " + index;
	}

	private static Set<String> indexes(DataSource dataSource) {
		Set<String> names = new TreeSet<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			String table = metaData.storesUpperCaseIdentifiers() ? "EVENTBUS_OUTBOX" : "eventbus_outbox";
			try (ResultSet rows = metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(), table, false,
					true)) {
				while (rows.next()) {
					if (rows.getString("INDEX_NAME") != null) {
						names.add(rows.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return names;
	}

	private static void run(DataSource dataSource, String script) {
		new ResourceDatabasePopulator(new ClassPathResource(script)).execute(dataSource);
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
