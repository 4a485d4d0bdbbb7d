package dev.eventbus.autoconfigure;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.eventbus.consume.ConsumptionBreakers;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.metrics.CapturedEventsCounter;
import dev.eventbus.metrics.ListenerPauseMeters;
import dev.eventbus.metrics.OutboxGauges;
import dev.eventbus.outbox.OutboxBacklog;
import dev.eventbus.outbox.OutboxStore;

/**
 * eventbus's Micrometer meters, when the application has a {@link MeterRegistry} (Spring Boot
 * Actuator makes one) and {@code eventbus.metrics.enabled} is not {@code false}: the captured
 * events counter, the outbox gauges and the listener pause meters. The publish and handle
 * observations are configured with the relay and the listeners.
 */
@AutoConfiguration(
		after = { EventBusOutboxAutoConfiguration.class, EventBusTransportAutoConfiguration.class,
				EventBusListenerAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "eventbus.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusMetricsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(OutboxStore.class)
	static class CaptureMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CapturedEventsCounter eventBusCapturedEventsCounter(MeterRegistry registry) {
			return new CapturedEventsCounter(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(OutboxBacklog.class)
	static class OutboxMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OutboxGauges eventBusOutboxGauges(OutboxBacklog backlog, MeterRegistry registry, EventBusProperties properties,
				ObjectProvider<EntityManagerFactory> entityManagerFactories) {
			Duration interval = properties.getMetrics().getOutboxInterval();
			PropertyChecks.positive("eventbus.metrics.outbox-interval", interval);
			return new OutboxGauges(backlog, registry, interval,
					() -> EventBusTransportAutoConfiguration.publishedChannels(entityManagerFactories));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ ListenerContainers.class, ConsumptionBreakers.class })
	static class ListenerMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ListenerPauseMeters eventBusListenerPauseMeters(ListenerContainers listeners, ConsumptionBreakers breakers,
				MeterRegistry registry) {
			return new ListenerPauseMeters(listeners, breakers, registry);
		}

	}

}
