package dev.eventbus.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing outbox table when schema initialization is off.
 */
class OutboxTableMissingFailureAnalyzer extends AbstractFailureAnalyzer<OutboxTableMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OutboxTableMissingException cause) {
		return new FailureAnalysis(cause.getMessage() + ": " + cause.getCause().getMessage(),
				"Add the script " + String.join(", ", cause.getScripts())
						+ " (shipped in eventbus-autoconfigure) to your Flyway or Liquibase migrations, or set "
						+ "eventbus.outbox.initialize-schema=true to let eventbus create the table at start-up.",
				cause);
	}

}
