package dev.eventbus.autoconfigure;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.persistence.EntityManagerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.eventbus.actuate.EventBusEndpoint;
import dev.eventbus.actuate.EventBusStatus;
import dev.eventbus.capture.PublishedChannels;
import dev.eventbus.consume.ConsumptionBreakers;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.operations.DeadLetterQueues;
import dev.eventbus.operations.EventReplay;
import dev.eventbus.outbox.FailingEvents;
import dev.eventbus.outbox.OutboxBacklog;
import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.provision.CachingTopicResolver;
import dev.eventbus.provision.NamingStrategy;

/**
 * The {@code eventbus} Actuator endpoint ({@link EventBusEndpoint}), where Spring Boot Actuator
 * is on the class path and the endpoint is available (exposed and not disabled:
 * {@code management.endpoints.web.exposure.include=eventbus}).
 */
@AutoConfiguration(after = { EventBusTopologyAutoConfiguration.class, EventBusOutboxAutoConfiguration.class,
		EventBusTransportAutoConfiguration.class, EventBusRelayAutoConfiguration.class,
		EventBusListenerAutoConfiguration.class,
		EventBusOperationsAutoConfiguration.class })
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(TopologySource.class)
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	EventBusEndpoint eventBusEndpoint(EventBusProperties properties, TopologySource topology, NamingStrategy naming,
			ObjectProvider<EntityManagerFactory> entityManagerFactories, ObjectProvider<CachingTopicResolver> topics,
			ObjectProvider<OutboxBacklog> backlog, ObjectProvider<ListenerContainers> listeners,
			ObjectProvider<SqsAsyncClient> sqs, ObjectProvider<ConsumptionBreakers> breakers,
			ObjectProvider<OutboxRelay> relay, ObjectProvider<FailingEvents> failing,
			ObjectProvider<DeadLetterQueues> deadLetters, ObjectProvider<EventReplay> replay) {
		EventBusStatus status = new EventBusStatus(() -> entities(entityManagerFactories), naming,
				topics.getIfAvailable(), backlog.getIfAvailable(),
				() -> listeners.stream().flatMap((containers) -> containers.listeners().stream()).toList(),
				sqs.getIfAvailable(), breakers.getIfAvailable(), relay.getIfAvailable());
		return new EventBusEndpoint(status, failing.getIfAvailable(), relay.getIfAvailable(), topology,
				properties.getManagement().isWritesEnabled(), deadLetters.getIfAvailable(), replay.getIfAvailable());
	}

	/** The {@code @PublishEvents} entity classes of all persistence units, by channel. */
	private static Map<String, SortedSet<String>> entities(ObjectProvider<EntityManagerFactory> entityManagerFactories) {
		Map<String, SortedSet<String>> entities = new TreeMap<>();
		entityManagerFactories.orderedStream()
			.forEach((emf) -> PublishedChannels.entities(emf)
				.forEach((channel, names) -> entities.computeIfAbsent(channel, (c) -> new TreeSet<>()).addAll(names)));
		return entities;
	}

}
