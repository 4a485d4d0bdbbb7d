package dev.eventbus.autoconfigure;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * An eventbus table ({@code eventbus_outbox}, or a lease table of the relay) does not exist, or
 * lacks a column or an index of this version, and eventbus did not create it: schema initialization is
 * {@code never}, or {@code embedded} and the database is not embedded.
 */
public class OutboxTableMissingException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> scripts;

	private final DatabaseInitializationMode mode;

	private final @Nullable String upgrade;

	OutboxTableMissingException(String table, DatabaseInitializationMode mode, List<String> scripts,
			@Nullable String upgrade, Throwable cause) {
		this(mode, "The " + table + " table (or a column of it)", scripts, upgrade, cause);
	}

	private OutboxTableMissingException(DatabaseInitializationMode mode, String missing, List<String> scripts,
			@Nullable String upgrade, @Nullable Throwable cause) {
		super(missing + " does not exist, and eventbus did not create it: "
				+ "eventbus.outbox.initialize-schema is " + mode.name().toLowerCase(Locale.ROOT)
				+ ((mode == DatabaseInitializationMode.EMBEDDED) ? " and the database is not an embedded one" : "")
				+ ((upgrade != null) ? "; a table of an earlier version needs the upgrade script " + upgrade : ""),
				cause);
		this.mode = mode;
		this.scripts = scripts;
		this.upgrade = upgrade;
	}

	/**
	 * An index of {@code eventbus_outbox} is missing.
	 * @param index the index
	 * @param mode the schema initialization mode
	 * @param scripts the schema scripts
	 * @param upgrade the upgrade script that creates the index
	 * @return the exception
	 */
	static OutboxTableMissingException missingIndex(String index, DatabaseInitializationMode mode,
			List<String> scripts, String upgrade) {
		return new OutboxTableMissingException(mode, "The index " + index + " of the eventbus_outbox table", scripts,
				upgrade, null);
	}

	/**
	 * The upgrade script that adds the missing column to a table of an earlier version.
	 * @return its location, {@code null} when no single upgrade script is known to fix it
	 */
	public @Nullable String getUpgradeScript() {
		return this.upgrade;
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
