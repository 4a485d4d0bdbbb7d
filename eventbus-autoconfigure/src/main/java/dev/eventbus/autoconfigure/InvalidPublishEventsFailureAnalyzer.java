package dev.eventbus.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.eventbus.capture.InvalidPublishEventsException;

/**
 * Explains a {@code @PublishEvents} annotation that excludes an unknown attribute or publishes
 * no action.
 */
class InvalidPublishEventsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPublishEventsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPublishEventsException cause) {
		String attributes = "Attributes of the entity: " + String.join(", ", cause.getAttributes()) + ".";
		String action = cause.getUnknownExcludes().isEmpty()
				? "List the actions to publish in @PublishEvents(actions = ...) on " + cause.getEntityClass()
						+ ", or remove @PublishEvents to publish nothing."
				: "Correct @PublishEvents(exclude = ...) on " + cause.getEntityClass() + ": it takes attribute "
						+ "names (Java field or property names, not column names) of the entity. " + attributes;
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
