package dev.eventbus.autoconfigure;

import java.util.Set;
import java.util.TreeSet;

import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
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
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.eventbus.capture.PublishedChannels;
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
 * Provisioning and the SNS transport: the start-up step that provisions the topic of every published
 * channel and the queues of every listener, and the {@link EventTransport} that sends events to SNS
 * (the relay that uses it is {@link EventBusRelayAutoConfiguration}'s).
 */
@AutoConfiguration(after = { EventBusNamingAutoConfiguration.class, EventBusOutboxAutoConfiguration.class,
		HibernateJpaAutoConfiguration.class, SnsAutoConfiguration.class, SqsAutoConfiguration.class })
@ConditionalOnClass({ SnsClient.class, SqsAsyncClient.class })
@ConditionalOnBean({ SnsClient.class, SqsAsyncClient.class })
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusTransportAutoConfiguration {

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

}
