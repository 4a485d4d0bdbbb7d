package dev.eventbus.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.eventbus.provision.DefaultNamingStrategy;
import dev.eventbus.provision.NamingStrategy;

/**
 * Names: the one {@link NamingStrategy}, used by capture (which records each event's topic in
 * the outbox), by provisioning and by the listeners. It needs neither a database nor AWS, so that
 * it is the same on every side.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusNamingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NamingStrategy eventBusNamingStrategy(EventBusProperties properties, Environment environment) {
		return new DefaultNamingStrategy(properties.getPublish().getTopicPrefix(),
				EventBusNames.queuePrefix(properties, environment), properties.getPublish().isFifo());
	}

}
