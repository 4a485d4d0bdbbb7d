package dev.eventbus.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.eventbus.consume.ListenerMethodException;

/**
 * Explains a {@code @Listener} method that cannot be used: parameters that cannot be bound,
 * invalid attributes, or an idempotent listener without a data source.
 */
class ListenerMethodFailureAnalyzer extends AbstractFailureAnalyzer<ListenerMethodException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ListenerMethodException cause) {
		return new FailureAnalysis(cause.getMessage(), "In " + cause.getMethod() + ": " + cause.getFix(), cause);
	}

}
