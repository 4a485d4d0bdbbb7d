package dev.eventbus.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing outbox table that eventbus did not create.
 */
class OutboxTableMissingFailureAnalyzer extends AbstractFailureAnalyzer<OutboxTableMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OutboxTableMissingException cause) {
		Throwable sqlError = cause.getCause();
		return new FailureAnalysis(cause.getMessage() + ((sqlError != null) ? ": " + sqlError.getMessage() : ""),
				"Create the eventbus_outbox and eventbus_inbox tables and the relay's eventbus_outbox_lease and "
						+ "eventbus_outbox_relay tables with the script " + String.join(", ", cause.getScripts())
						+ " (shipped in eventbus-autoconfigure; the scripts of all databases are "
						+ "classpath:dev/eventbus/schema-{postgresql,h2,mysql}.sql) in your Flyway or Liquibase "
						+ "migrations; for tables of an earlier version add "
						+ ((cause.getUpgradeScript() != null) ? "the upgrade script " + cause.getUpgradeScript() + " (and any other "
								: "the upgrade scripts ")
						+ "classpath:dev/eventbus/upgrade-*-{postgresql,h2,mysql}.sql "
						+ ((cause.getUpgradeScript() != null) ? "not yet applied) " : "") + "as migrations. Or set "
						+ "eventbus.outbox.initialize-schema=always to let eventbus run the script at every start-up "
						+ "(it is idempotent and upgrades existing tables).",
				cause);
	}

}
