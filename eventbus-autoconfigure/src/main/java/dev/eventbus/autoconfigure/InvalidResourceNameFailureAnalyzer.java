package dev.eventbus.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.eventbus.provision.InvalidResourceNameException;

/**
 * Explains a channel whose SNS topic name AWS does not allow.
 */
class InvalidResourceNameFailureAnalyzer extends AbstractFailureAnalyzer<InvalidResourceNameException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidResourceNameException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Rename the channel in @PublishEvents(\"...\") or @Listener(\"...\"), or change "
						+ "eventbus.publish.topic-prefix, so that prefix + channel uses only letters, digits, '-' and '_'.",
				cause);
	}

}
