package dev.eventbus.autoconfigure;

import java.util.List;

/**
 * The {@code eventbus_outbox} table does not exist and eventbus was told not to create it.
 */
public class OutboxTableMissingException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> scripts;

	OutboxTableMissingException(List<String> scripts, Throwable cause) {
		super("The eventbus_outbox table does not exist and eventbus.outbox.initialize-schema is false", cause);
		this.scripts = scripts;
	}

	/**
	 * The schema scripts that create the table.
	 * @return script locations
	 */
	public List<String> getScripts() {
		return this.scripts;
	}

}
