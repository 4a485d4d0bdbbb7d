package dev.eventbus.failure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A PostgreSQL schema of its own for one test class, so that its {@code eventbus_outbox} table
 * is never relayed by the application of another test class (a relay reads every unpublished
 * row of the table it sees).
 */
public final class TestSchema {

	/** The test database, as in the module's {@code application.properties}. */
	public static final String DATABASE_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	public static final String USER = "postgres";

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

	private TestSchema() {
	}

	/**
	 * Drops the schema if it exists and creates it empty.
	 * @param name the schema name (lower case letters, digits and '_')
	 * @return the JDBC URL whose connections use only that schema
	 */
	public static String fresh(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain schema name: " + name);
		}
		try (Connection connection = DriverManager.getConnection(DATABASE_URL, USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + name + " cascade");
			statement.execute("create schema " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create schema " + name + " in " + DATABASE_URL, ex);
		}
		return url(name);
	}

	/**
	 * The JDBC URL of a schema.
	 * @param name the schema name
	 * @return the URL with {@code currentSchema}
	 */
	public static String url(String name) {
		return DATABASE_URL + "?currentSchema=" + name;
	}

}
