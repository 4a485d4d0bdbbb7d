package dev.eventbus.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;

/**
 * The schema scripts of the outbox and inbox tables ({@code classpath:dev/eventbus/schema-<platform>.sql}
 * for {@code postgresql}, {@code h2} and {@code mysql}), their initializer, and the start-up
 * check used when the initializer is off.
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
	 * Runs the schema script of the database on start-up (idempotent).
	 */
	static final class Initializer extends DataSourceScriptDatabaseInitializer {

		Initializer(DataSource dataSource) {
			super(dataSource, settings(dataSource));
		}

		private static DatabaseInitializationSettings settings(DataSource dataSource) {
			DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
			settings.setSchemaLocations(RESOLVER.resolveAll(dataSource, SCRIPT));
			settings.setMode(DatabaseInitializationMode.ALWAYS);
			settings.setContinueOnError(false);
			return settings;
		}

	}

	/**
	 * Fails start-up when the outbox table is missing and schema initialization is off.
	 */
	static final class Check implements InitializingBean {

		private final DataSource dataSource;

		Check(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		@Override
		public void afterPropertiesSet() {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.executeQuery("select id from eventbus_outbox where 1 = 0").close();
			}
			catch (SQLException ex) {
				throw new OutboxTableMissingException(List.of(SCRIPT.replace("@@platform@@", platform(this.dataSource))),
						ex);
			}
		}

	}

}
