package dev.eventbus.autoconfigure;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;

/**
 * The schema scripts of the outbox and inbox tables ({@code classpath:dev/eventbus/schema-<platform>.sql}
 * for {@code postgresql}, {@code h2} and {@code mysql}) and their initializer, which checks the
 * outbox table when it does not run the script.
 */
final class OutboxSchema {

	static final String SCRIPT = "classpath:dev/eventbus/schema-@@platform@@.sql";

	private static final PlatformPlaceholderDatabaseDriverResolver RESOLVER = new PlatformPlaceholderDatabaseDriverResolver()
		.withDriverPlatform(DatabaseDriver.MARIADB, "mysql");

	private OutboxSchema() {
	}

	/**
	 * The database as named in the schema scripts: {@code postgresql}, {@code h2} or
	 * {@code mysql} (MariaDB included).
	 */
	static String platform(DataSource dataSource) {
		return RESOLVER.resolveAll(dataSource, "@@platform@@").get(0);
	}

	/**
	 * Runs the schema script of the database on start-up (idempotent) when the
	 * {@link DatabaseInitializationMode} says so, and otherwise checks that the outbox table
	 * exists. Spring Boot orders it before the {@code EntityManagerFactory}, as every script
	 * database initializer.
	 */
	static final class Initializer extends DataSourceScriptDatabaseInitializer {

		private final DataSource dataSource;

		private final DatabaseInitializationMode mode;

		private final boolean relay;

		/**
		 * Creates the initializer.
		 * @param dataSource the application's data source
		 * @param mode when to run the script
		 * @param relay whether the relay runs (then the lease tables are checked too)
		 */
		Initializer(DataSource dataSource, DatabaseInitializationMode mode, boolean relay) {
			super(dataSource, settings(dataSource, mode));
			this.dataSource = dataSource;
			this.mode = mode;
			this.relay = relay;
		}

		private static DatabaseInitializationSettings settings(DataSource dataSource,
				DatabaseInitializationMode mode) {
			DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
			settings.setSchemaLocations(RESOLVER.resolveAll(dataSource, SCRIPT));
			settings.setMode(mode);
			settings.setContinueOnError(false);
			return settings;
		}

		@Override
		public boolean initializeDatabase() {
			boolean initialized = super.initializeDatabase();
			if (!initialized) {
				checkOutboxTable();
			}
			return initialized;
		}

		private void checkOutboxTable() {
			check("eventbus_outbox", "select id, partition_no from eventbus_outbox where 1 = 0", null);
			// added by the tracing version: without it every write of an event would fail at commit
			check("eventbus_outbox", "select trace_context from eventbus_outbox where 1 = 0",
					"classpath:dev/eventbus/upgrade-tracing-@@platform@@.sql");
			// added by the event log: without them its reads scan the whole table
			checkIndexes("classpath:dev/eventbus/upgrade-eventlog-@@platform@@.sql", "eventbus_outbox_entity",
					"eventbus_outbox_channel");
			if (this.relay) {
				check("eventbus_outbox_lease", "select partition_no, owner, expires_at from eventbus_outbox_lease where 1 = 0",
						null);
				check("eventbus_outbox_relay", "select owner, expires_at from eventbus_outbox_relay where 1 = 0", null);
			}
		}

		/**
		 * Fails start-up if an index of {@code eventbus_outbox} does not exist, looked up in the
		 * JDBC metadata of the connection's catalog and of the schema unqualified SQL finds the table in.
		 * @param upgrade the upgrade script that creates the indexes
		 * @param indexes the index names
		 */
		private void checkIndexes(String upgrade, String... indexes) {
			Set<String> found = new HashSet<>();
			try (Connection connection = this.dataSource.getConnection()) {
				DatabaseMetaData metaData = connection.getMetaData();
				String table = metaData.storesUpperCaseIdentifiers() ? "EVENTBUS_OUTBOX" : "eventbus_outbox";
				try (ResultSet rows = metaData.getIndexInfo(connection.getCatalog(), tableSchema(connection), table,
						false, true)) {
					while (rows.next()) {
						String name = rows.getString("INDEX_NAME");
						if (name != null) {
							found.add(name.toLowerCase(Locale.ROOT));
						}
					}
				}
			}
			catch (SQLException ex) {
				throw new OutboxTableMissingException("eventbus_outbox", this.mode, scripts(), null, ex);
			}
			for (String index : indexes) {
				if (!found.contains(index)) {
					String platform = platform(this.dataSource);
					throw OutboxTableMissingException.missingIndex(index, this.mode, scripts(),
							upgrade.replace("@@platform@@", platform));
				}
			}
		}

		/**
		 * The schema of the {@code eventbus_outbox} that unqualified SQL uses: on PostgreSQL the
		 * first schema of the search path that holds the table (the connection's current schema
		 * can be another one, such as a {@code "$user"} schema without the table), elsewhere the
		 * connection's schema.
		 */
		private static @Nullable String tableSchema(Connection connection) throws SQLException {
			if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery("select n.nspname from pg_class c join pg_namespace n "
								+ "on n.oid = c.relnamespace where c.oid = to_regclass('eventbus_outbox')")) {
					if (rows.next()) {
						return rows.getString(1);
					}
				}
			}
			return connection.getSchema();
		}

		private List<String> scripts() {
			return List.of(SCRIPT.replace("@@platform@@", platform(this.dataSource)));
		}

		/**
		 * Fails start-up if the query cannot run.
		 * @param upgrade the upgrade script that adds what the query reads, {@code null} if none does
		 */
		private void check(String table, String query, @Nullable String upgrade) {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.executeQuery(query).close();
			}
			catch (SQLException ex) {
				String platform = platform(this.dataSource);
				throw new OutboxTableMissingException(table, this.mode, scripts(),
						(upgrade != null) ? upgrade.replace("@@platform@@", platform) : null, ex);
			}
		}

	}

}
