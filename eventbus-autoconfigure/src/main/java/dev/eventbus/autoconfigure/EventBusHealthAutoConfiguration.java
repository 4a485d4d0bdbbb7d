package dev.eventbus.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.eventbus.actuate.EventBusHealthIndicator;
import dev.eventbus.actuate.RecentBacklog;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.consume.QueueDepths;
import dev.eventbus.metrics.OutboxGauges;
import dev.eventbus.outbox.OutboxBacklog;
import dev.eventbus.outbox.OutboxRelay;

/**
 * The {@code eventbus} health indicator, with Spring Boot's health support
 * ({@code spring-boot-health}, part of Actuator) on the class path; off with
 * {@code management.health.eventbus.enabled=false}.
 */
@AutoConfiguration(after = { EventBusOutboxAutoConfiguration.class, EventBusTransportAutoConfiguration.class,
		EventBusRelayAutoConfiguration.class,
		EventBusListenerAutoConfiguration.class, EventBusMetricsAutoConfiguration.class })
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("eventbus")
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusHealthAutoConfiguration {

	/** How long the health indicator's own backlog read is used (without metrics). */
	private static final Duration BACKLOG_MAX_AGE = Duration.ofSeconds(5);

	@Bean
	@ConditionalOnMissingBean(name = "eventbusHealthIndicator")
	EventBusHealthIndicator eventbusHealthIndicator(EventBusProperties properties, ObjectProvider<OutboxRelay> relay,
			ObjectProvider<OutboxBacklog> backlog, ObjectProvider<OutboxGauges> gauges,
			ObjectProvider<ListenerContainers> listeners, ObjectProvider<SqsAsyncClient> sqs) {
		EventBusProperties.Health health = properties.getHealth();
		Duration threshold = health.getPublishFailureThreshold();
		PropertyChecks.positive("eventbus.health.publish-failure-threshold", threshold);
		OutboxGauges outboxGauges = gauges.getIfAvailable();
		OutboxBacklog outboxBacklog = backlog.getIfAvailable();
		RecentBacklog recent = (outboxBacklog != null) ? new RecentBacklog(outboxBacklog,
				() -> (outboxGauges != null) ? outboxGauges.latest() : null, BACKLOG_MAX_AGE, Clock.systemUTC()) : null;
		ListenerContainers containers = listeners.getIfAvailable();
		SqsAsyncClient client = sqs.getIfAvailable();
		QueueDepths depths = (containers != null && client != null) ? new QueueDepths(client) : null;
		return new EventBusHealthIndicator(relay.getIfAvailable(), threshold, recent, depths,
				() -> (containers != null) ? containers.listeners() : List.of(), health.getDeadLetterCacheTtl(),
				Clock.systemUTC());
	}

}
