package dev.eventbus.autoconfigure;

import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

import dev.eventbus.EventBus;
import dev.eventbus.outcome.OutcomePostProcessor;
import dev.eventbus.provision.NamingStrategy;

/**
 * Method outcome events: the advisor of {@code @PublishOutcome} methods, which publishes through
 * the {@link EventBus}, and the start-up check of their channels.
 */
@AutoConfiguration(after = { EventBusNamingAutoConfiguration.class, EventBusPublishingAutoConfiguration.class })
@ConditionalOnClass(AbstractBeanFactoryAwareAdvisingPostProcessor.class)
@ConditionalOnBean(EventBus.class)
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusOutcomeAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static OutcomePostProcessor eventBusOutcomePostProcessor(ObjectProvider<EventBus> bus,
			ObjectProvider<EventBusProperties> properties, Environment environment) {
		// both looked up late: a post-processor that asked for them here would create them (and
		// the beans they need) before the other post-processors exist
		OutcomePostProcessor postProcessor = new OutcomePostProcessor(bus::getObject,
				() -> properties.getObject().getOutcome().isIncludeStackTrace());
		// the same proxy type as Spring Boot's auto-proxying, for a bean that no other advisor proxies
		postProcessor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
		return postProcessor;
	}

	@Bean
	SmartInitializingSingleton eventBusOutcomeChannels(OutcomePostProcessor outcomes, NamingStrategy naming) {
		// a channel that makes no valid topic name stops start-up (InvalidResourceNameException),
		// not the first call of its method
		return () -> outcomes.methods().channels().forEach(naming::topicName);
	}

}
