package dev.eventbus.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A PostgreSQL schema of its own (on the test database at 127.0.0.1:5432) for the tests that
 * need a database that is not embedded.
 */
final class PostgresSchema {

	private static final String DATABASE_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private PostgresSchema() {
	}

	static String fresh(String name) {
		try (Connection connection = DriverManager.getConnection(DATABASE_URL, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + name + " cascade");
			statement.execute("create schema " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create schema " + name, ex);
		}
		return name;
	}

	static String url(String schema) {
		return DATABASE_URL + "?currentSchema=" + schema;
	}

	static List<String> tables(String schema) {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(DATABASE_URL, "postgres", "", true);
		try {
			return new JdbcTemplate(dataSource).queryForList(
					"select table_name from information_schema.tables where table_schema = ?", String.class, schema);
		}
		finally {
			dataSource.destroy();
		}
	}

}
