package dev.eventbus.autoconfigure;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * An eventbus table ({@code eventbus_outbox}, or a lease table of the relay) does not exist, or
 * lacks a column of this version, and eventbus did not create it: schema initialization is
 * {@code never}, or {@code embedded} and the database is not embedded.
 */
public class OutboxTableMissingException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> scripts;

	private final DatabaseInitializationMode mode;

	OutboxTableMissingException(String table, DatabaseInitializationMode mode, List<String> scripts, Throwable cause) {
		super("The " + table + " table (or a column of it) does not exist, and eventbus did not create it: "
				+ "eventbus.outbox.initialize-schema is " + mode.name().toLowerCase(Locale.ROOT)
				+ ((mode == DatabaseInitializationMode.EMBEDDED) ? " and the database is not an embedded one" : ""),
				cause);
		this.mode = mode;
		this.scripts = scripts;
	}

	/**
	 * The schema initialization mode in force.
	 * @return the value of {@code eventbus.outbox.initialize-schema}
	 */
	public DatabaseInitializationMode getMode() {
		return this.mode;
	}

	/**
	 * The schema scripts that create the table.
	 * @return script locations
	 */
	public List<String> getScripts() {
		return this.scripts;
	}

}
