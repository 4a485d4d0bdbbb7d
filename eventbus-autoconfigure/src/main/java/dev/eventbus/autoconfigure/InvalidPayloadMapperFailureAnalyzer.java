package dev.eventbus.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.eventbus.capture.InvalidPayloadMapperException;

/**
 * Explains two {@code PayloadMapper} beans for one channel, or a mapper for a channel that no
 * {@code @PublishEvents} entity publishes to.
 */
class InvalidPayloadMapperFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPayloadMapperException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPayloadMapperException cause) {
		String action = cause.getChannels().isEmpty()
				? "Keep one PayloadMapper bean for channel '" + cause.getChannel()
						+ "' (one mapper can handle every entity type of the channel: it is given the entity type)."
				: "Correct the channel() of the PayloadMapper for '" + cause.getChannel()
						+ "' or remove the bean. Channels of @PublishEvents entities: "
						+ String.join(", ", cause.getChannels()) + ".";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
