package dev.eventbus.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps a failing listener from logging twice: eventbus logs each failure once, with the
 * listener, the delivery count and the cause, so Spring Cloud AWS's generic "Error processing
 * message" line (with its stack trace) for the same failure is switched off by default. An
 * application's own {@code logging.level} settings take precedence.
 */
class EventBusLoggingDefaults implements EnvironmentPostProcessor {

	static final String SINK_LOGGER = "logging.level.io.awspring.cloud.sqs.listener.sink.AbstractMessageProcessingPipelineSink";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("eventbus.enabled", Boolean.class, true)) {
			DefaultPropertiesPropertySource.addOrMerge(Map.of(SINK_LOGGER, "OFF"), environment.getPropertySources());
		}
	}

}
