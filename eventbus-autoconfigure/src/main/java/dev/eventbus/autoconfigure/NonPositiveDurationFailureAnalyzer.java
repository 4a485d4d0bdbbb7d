package dev.eventbus.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an eventbus duration property set to zero or less.
 */
class NonPositiveDurationFailureAnalyzer extends AbstractFailureAnalyzer<NonPositiveDurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NonPositiveDurationException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Set " + cause.getProperty() + " to a positive duration (such as 30s), or remove it to use the default.",
				cause);
	}

}
