package dev.eventbus.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.eventbus.consume.ListenerMethodException;

/**
 * Explains a {@code @Listener} method whose parameters cannot be bound.
 */
class ListenerMethodFailureAnalyzer extends AbstractFailureAnalyzer<ListenerMethodException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ListenerMethodException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Change the parameters of " + cause.getMethod() + " to one of the supported styles:\n"
						+ "\tvoid on(EntityEvent<OrderView> event)\n\tvoid on(OrderView order)\n"
						+ "\tvoid on(String channel, Action action, Map<String, Object> data)",
				cause);
	}

}
