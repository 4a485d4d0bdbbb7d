package dev.eventbus.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import io.micrometer.observation.ObservationRegistry;
import jakarta.persistence.EntityManagerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.eventbus.capture.PublishedChannels;
import dev.eventbus.observation.OutboxTraceContext;
import dev.eventbus.observation.PublishObservationConvention;
import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.outbox.OutboxSignal;
import dev.eventbus.outbox.OutboxStore;
import dev.eventbus.outbox.RelayLeases;
import dev.eventbus.provision.CachingTopicResolver;
import dev.eventbus.provision.NamingStrategy;
import dev.eventbus.provision.ProvisionSettings;
import dev.eventbus.provision.QueueProvisioner;
import dev.eventbus.provision.QueueRequests;
import dev.eventbus.provision.SnsSqsProvisioner;
import dev.eventbus.provision.TopicProvisioner;
import dev.eventbus.transport.EventTransport;
import dev.eventbus.transport.SnsEventTransport;

/**
 * Provisioning and the relay: the start-up step that provisions the topic of every published
 * channel and the queues of every listener, and the relay that sends outbox events to SNS.
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
	CachingTopicResolver eventBusTopicResolver(SnsClient sns, NamingStrategy naming, EventBusProperties properties) {
		return new CachingTopicResolver(
				new TopicProvisioner(sns, properties.getProvision().getMode(), properties.getPublish().isFifo()),
				naming);
	}

	@Bean
	@ConditionalOnMissingBean
	SnsSqsProvisioner eventBusProvisioner(CachingTopicResolver topics, SnsClient sns, SqsAsyncClient sqs,
			NamingStrategy naming, ObjectProvider<EntityManagerFactory> entityManagerFactories,
			ObjectProvider<QueueRequests> listeners, EventBusProperties properties) {
		EventBusProperties.Provision provision = properties.getProvision();
		ProvisionSettings settings = provisionSettings(properties);
		boolean print = properties.getTopology().isPrint();
		// none mode looks the published topics up at start-up only where listeners run (as documented): a
		// publisher without them may start before its topics exist, the relay waits until they do. Print
		// mode provisions nothing: as if a registrar ran the step, which none does
		return new SnsSqsProvisioner(topics, new QueueProvisioner(sqs, sns, topics, naming, settings),
				provision.getMode(), () -> publishedChannels(entityManagerFactories),
				() -> listeners.orderedStream().flatMap((bean) -> bean.queueRequests().stream()).toList(),
				() -> print || listeners.orderedStream().findAny().isPresent());
	}

	/**
	 * What eventbus provisions, from the properties.
	 */
	static ProvisionSettings provisionSettings(EventBusProperties properties) {
		EventBusProperties.Provision provision = properties.getProvision();
		return new ProvisionSettings(provision.getMode(), properties.getPublish().isFifo(),
				provision.getMaxReceiveCount(), provision.getVisibilityTimeout(), provision.getDeadLetterRetention(),
				properties.getConsume().isRawDelivery(), provision.getMessageRetention());
	}

	/**
	 * The channels of the {@code @PublishEvents} entities of all persistence units.
	 */
	static Set<String> publishedChannels(ObjectProvider<EntityManagerFactory> entityManagerFactories) {
		Set<String> published = new TreeSet<>();
		entityManagerFactories.orderedStream().forEach((emf) -> published.addAll(PublishedChannels.of(emf)));
		return published;
	}

	@Bean
	@ConditionalOnMissingBean
	EventTransport eventBusTransport(SnsClient sns, CachingTopicResolver topics) {
		return new SnsEventTransport(sns, topics);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(OutboxStore.class)
	@ConditionalOnBooleanProperty(name = "eventbus.outbox.relay-enabled", matchIfMissing = true)
	@ConditionalOnBooleanProperty(name = EventBusTopologyAutoConfiguration.PRINT, havingValue = false, matchIfMissing = true)
	OutboxRelay eventBusOutboxRelay(OutboxStore store, RelayLeases leases, EventTransport transport,
			OutboxSignal signal, EventBusProperties properties, Environment environment,
			ObjectProvider<ObservationRegistry> observations, ObjectProvider<PublishObservationConvention> convention,
			ObjectProvider<OutboxTraceContext> traceContext) {
		EventBusProperties.Outbox outbox = properties.getOutbox();
		PropertyChecks.atLeast("eventbus.outbox.batch-size", outbox.getBatchSize(), 1);
		PropertyChecks.atLeast("eventbus.outbox.relay-workers", outbox.getRelayWorkers(), 1);
		PropertyChecks.positive("eventbus.outbox.poll-interval", outbox.getPollInterval());
		PropertyChecks.positive("eventbus.outbox.retry-delay", outbox.getRetryDelay());
		PropertyChecks.positive("eventbus.outbox.max-retry-delay", outbox.getMaxRetryDelay());
		if (outbox.isPurgeEnabled() && (outbox.getRetention().isNegative() || outbox.getRetention().isZero())) {
			throw new InvalidConfigurationPropertyValueException("eventbus.outbox.retention", outbox.getRetention(),
					"It must be longer than zero; to keep published events forever set eventbus.outbox.purge-enabled=false");
		}
		if (outbox.getLeaseDuration().compareTo(Duration.ofSeconds(1)) < 0) {
			throw new InvalidConfigurationPropertyValueException("eventbus.outbox.lease-duration",
					outbox.getLeaseDuration(), "It must be at least 1s (the relay renews its leases every quarter of it)");
		}
		return new OutboxRelay(store, leases, transport, EventBusNames.publisher(properties, environment), signal,
				new OutboxRelay.RelaySettings(outbox.getPollInterval(), outbox.getBatchSize(), outbox.getRetryDelay(),
						outbox.getMaxRetryDelay(), outbox.isPurgeEnabled() ? outbox.getRetention() : null,
						RELAY_SHUTDOWN_TIMEOUT,
						outbox.getRelayWorkers(), outbox.getLeaseDuration()),
				Clock.systemUTC(),
				new OutboxRelay.Observability(observations.getIfAvailable(() -> ObservationRegistry.NOOP),
						convention.getIfUnique(), traceContext.getIfAvailable(() -> OutboxTraceContext.NONE)));
	}

}
