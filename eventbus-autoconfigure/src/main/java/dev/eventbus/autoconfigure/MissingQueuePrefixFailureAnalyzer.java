package dev.eventbus.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.eventbus.provision.MissingQueuePrefixException;

/**
 * Explains listener queues without a name prefix.
 */
class MissingQueuePrefixFailureAnalyzer extends AbstractFailureAnalyzer<MissingQueuePrefixException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingQueuePrefixException cause) {
		return new FailureAnalysis(
				"eventbus names each listener's SQS queue <application>-<listener>, and the application has no name.",
				"Set spring.application.name (for example 'spring.application.name: shop'), or set "
						+ "eventbus.consume.queue-prefix. All instances of one service must use the same value.",
				cause);
	}

}
