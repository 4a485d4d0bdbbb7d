package dev.eventbus.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing outbox table that eventbus did not create.
 */
class OutboxTableMissingFailureAnalyzer extends AbstractFailureAnalyzer<OutboxTableMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OutboxTableMissingException cause) {
		return new FailureAnalysis(cause.getMessage() + ": " + cause.getCause().getMessage(),
				"Create the eventbus_outbox and eventbus_inbox tables with the script "
						+ String.join(", ", cause.getScripts()) + " (shipped in eventbus-autoconfigure; the "
						+ "scripts of all databases are classpath:dev/eventbus/schema-{postgresql,h2,mysql}.sql) "
						+ "in your Flyway or Liquibase migrations, or set eventbus.outbox.initialize-schema=always "
						+ "to let eventbus run it at every start-up (it is idempotent).",
				cause);
	}

}
