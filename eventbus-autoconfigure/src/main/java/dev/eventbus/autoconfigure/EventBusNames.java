package dev.eventbus.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The names derived from the application: the publisher and the queue prefix.
 */
final class EventBusNames {

	private EventBusNames() {
	}

	static @Nullable String publisher(EventBusProperties properties, Environment environment) {
		return firstText(properties.getPublish().getPublisher(), environment.getProperty("spring.application.name"));
	}

	static @Nullable String queuePrefix(EventBusProperties properties, Environment environment) {
		return firstText(properties.getConsume().getQueuePrefix(), environment.getProperty("spring.application.name"));
	}

	private static @Nullable String firstText(@Nullable String first, @Nullable String second) {
		return StringUtils.hasText(first) ? first : (StringUtils.hasText(second) ? second : null);
	}

}
