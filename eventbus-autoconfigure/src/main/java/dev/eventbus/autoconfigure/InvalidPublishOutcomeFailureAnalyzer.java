package dev.eventbus.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.eventbus.outcome.InvalidPublishOutcomeException;

/**
 * Explains a {@code @PublishOutcome} annotation that cannot work: it names the method, the
 * attribute and the fix.
 */
class InvalidPublishOutcomeFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPublishOutcomeException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPublishOutcomeException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Correct @PublishOutcome(" + cause.getAttribute() + " = ...) on " + cause.getMethod() + ". "
						+ cause.getFix(),
				cause);
	}

}
