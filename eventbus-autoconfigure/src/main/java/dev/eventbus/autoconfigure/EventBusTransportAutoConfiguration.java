package dev.eventbus.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import jakarta.persistence.EntityManagerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.eventbus.capture.PublishedChannels;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.outbox.OutboxSignal;
import dev.eventbus.outbox.OutboxStore;
import dev.eventbus.outbox.RelayLeases;
import dev.eventbus.provision.NamingStrategy;
import dev.eventbus.provision.ProvisionMode;
import dev.eventbus.provision.SnsSqsProvisioner;
import dev.eventbus.transport.EventTransport;
import dev.eventbus.transport.SnsEventTransport;

/**
 * Topics and the relay: provisions the topic of every published channel and runs the relay
 * that sends outbox events to SNS.
 */
@AutoConfiguration(after = { EventBusNamingAutoConfiguration.class, EventBusOutboxAutoConfiguration.class,
		HibernateJpaAutoConfiguration.class, SnsAutoConfiguration.class, SqsAutoConfiguration.class })
@ConditionalOnClass({ SnsClient.class, SqsAsyncClient.class })
@ConditionalOnBean({ SnsClient.class, SqsAsyncClient.class })
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusTransportAutoConfiguration {

	static final Duration RELAY_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	@Bean
	@ConditionalOnMissingBean
	SnsSqsProvisioner eventBusProvisioner(SnsClient sns, SqsAsyncClient sqs, NamingStrategy naming,
			EventBusProperties properties) {
		EventBusProperties.Provision provision = properties.getProvision();
		return new SnsSqsProvisioner(sns, sqs, naming,
				new SnsSqsProvisioner.Settings(provision.getMode(), properties.getPublish().isFifo(),
						provision.getMaxReceiveCount(), provision.getVisibilityTimeout(),
						provision.getDeadLetterRetention(), properties.getConsume().isRawDelivery(),
						provision.getMessageRetention()));
	}

	@Bean
	SmartInitializingSingleton eventBusTopicProvisioning(SnsSqsProvisioner provisioner,
			ObjectProvider<EntityManagerFactory> entityManagerFactories, ObjectProvider<ListenerContainers> listeners,
			EventBusProperties properties) {
		return () -> {
			// with listeners, the listener containers provision the topics too and report all at once
			if (properties.getProvision().getMode() != ProvisionMode.NONE && listeners.getIfAvailable() == null) {
				entityManagerFactories.orderedStream()
					.forEach((emf) -> provisioner.provisionTopics(PublishedChannels.of(emf)));
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	EventTransport eventBusTransport(SnsClient sns, SnsSqsProvisioner topics, EventBusProperties properties,
			Environment environment) {
		return new SnsEventTransport(sns, topics, EventBusNames.publisher(properties, environment));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(OutboxStore.class)
	@ConditionalOnBooleanProperty(name = "eventbus.outbox.relay-enabled", matchIfMissing = true)
	OutboxRelay eventBusOutboxRelay(OutboxStore store, RelayLeases leases, EventTransport transport,
			OutboxSignal signal, EventBusProperties properties) {
		EventBusProperties.Outbox outbox = properties.getOutbox();
		return new OutboxRelay(store, leases, transport, signal,
				new OutboxRelay.RelaySettings(outbox.getPollInterval(), outbox.getBatchSize(), outbox.getRetryDelay(),
						outbox.getMaxRetryDelay(), outbox.getRetention(), RELAY_SHUTDOWN_TIMEOUT,
						outbox.getRelayWorkers(), outbox.getLeaseDuration()),
				Clock.systemUTC());
	}

}
