package dev.eventbus.autoconfigure;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import io.awspring.cloud.sqs.config.EndpointRegistrar;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.annotation.Role;
import org.springframework.util.function.SingletonSupplier;

import dev.eventbus.consume.ConsumptionBreakers;
import dev.eventbus.consume.Inbox;
import dev.eventbus.consume.InboxPurge;
import dev.eventbus.consume.ListenerAnnotationBeanPostProcessor;
import dev.eventbus.consume.ListenerConfigurer;
import dev.eventbus.consume.ListenerContainerBuilder;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.consume.ListenerEndpointFactory;
import dev.eventbus.consume.OutageCause;
import dev.eventbus.consume.OutageProbes;
import dev.eventbus.consume.RetryPolicy;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.observation.HandleObservationConvention;
import dev.eventbus.provision.SnsSqsProvisioner;
import dev.eventbus.transport.EventTransport;

/**
 * Listeners: finds {@link dev.eventbus.Listener} methods wherever eventbus has a transport, and
 * (with SNS and SQS) runs one SQS listener container per method. Without SQS clients the methods
 * are still found, for another delivery to run them (eventbus-test's in-memory delivery).
 */
@AutoConfiguration(after = { EventBusTransportAutoConfiguration.class, SqsAutoConfiguration.class,
		TransactionAutoConfiguration.class })
@ConditionalOnClass(SqsMessageListenerContainerFactory.class)
@ConditionalOnBean(EventTransport.class)
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "eventbus.consume.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusListenerAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ListenerAnnotationBeanPostProcessor eventBusListenerAnnotationBeanPostProcessor(
			ObjectProvider<EventMessageCodec> codec, ObjectProvider<EventBusProperties> properties,
			ListableBeanFactory beanFactory) {
		// resolved when the first listener is found, not now: a user's codec bean (and what it
		// depends on) is then created after every post-processor is registered; the inbox is
		// only looked for, not created (it needs the database)
		return new ListenerAnnotationBeanPostProcessor(SingletonSupplier.of(() -> {
			EventBusProperties.Consume consume = properties.getObject().getConsume();
			EventBusProperties.Retry retry = consume.getRetry();
			return new ListenerEndpointFactory(codec.getIfAvailable(EventMessageCodec::new),
					new ListenerEndpointFactory.Defaults(consume.getMaxConcurrentMessages(), consume.isIdempotent(),
							new RetryPolicy(retry.getInitialDelay(), retry.getMultiplier(), retry.getMaxDelay(),
									retry.getNonRetryableExceptions())),
					beanFactory.getBeanNamesForType(Inbox.class, true, false).length > 0);
		}));
	}

	/** The SQS containers of the listeners, where the application has SNS and SQS. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(SnsSqsProvisioner.class)
	static class SqsListenersConfiguration {

		@Bean
		@ConditionalOnBooleanProperty(name = EventBusTopologyAutoConfiguration.PRINT, havingValue = false, matchIfMissing = true)
		ListenerContainers eventBusListenerContainers(ListenerAnnotationBeanPostProcessor listeners,
				SnsSqsProvisioner provisioner, ObjectProvider<SqsMessageListenerContainerFactory<Object>> factories,
				BeanFactory beanFactory, SqsAsyncClient sqs, ObjectProvider<EventMessageCodec> codec,
				ObjectProvider<EntityManagerFactory> entityManagerFactories, ObjectProvider<Inbox> inbox,
				ObjectProvider<ConsumptionBreakers> breakers, ObjectProvider<ListenerConfigurer> configurers,
				EventBusProperties properties, ObjectProvider<ObservationRegistry> observations,
				ObjectProvider<HandleObservationConvention> convention, ObjectProvider<MeterRegistry> meters) {
			Set<String> published = EventBusTransportAutoConfiguration.publishedChannels(entityManagerFactories);
			EventBusProperties.Consume consume = properties.getConsume();
			EventBusProperties.Provision provision = properties.getProvision();
			ListenerContainerBuilder builder = new ListenerContainerBuilder(containerFactory(factories, beanFactory), sqs,
					codec.getIfAvailable(EventMessageCodec::new),
					new ListenerContainerBuilder.Settings(provision.getMaxReceiveCount(), provision.getVisibilityTimeout(),
							consume.getMaxHandlingTime(), consume.getShutdownTimeout(), consume.isRawDelivery()),
					inbox.getIfAvailable(), breakers.getIfAvailable(), configurers.orderedStream().toList(),
					new ListenerContainerBuilder.Observability(observations.getIfAvailable(() -> ObservationRegistry.NOOP),
							convention.getIfUnique(), meters.getIfUnique()));
			return new ListenerContainers(listeners, provisioner, builder, published);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "eventbus.consume.outage.pause-enabled", matchIfMissing = true)
		ConsumptionBreakers eventBusConsumptionBreakers(EventBusProperties properties, SqsAsyncClient sqs,
				ObjectProvider<DataSource> dataSource, ApplicationEventPublisher events) {
			EventBusProperties.Outage outage = properties.getConsume().getOutage();
			Map<OutageCause, ConsumptionBreakers.Probe> probes = new EnumMap<>(OutageCause.class);
			probes.put(OutageCause.AWS, OutageProbes.sqs(sqs));
			dataSource.ifUnique((unique) -> probes.put(OutageCause.DATABASE, OutageProbes.database(unique)));
			return new ConsumptionBreakers(
					new ConsumptionBreakers.Settings(outage.getProbeDelay(), outage.getMaxProbeDelay()), probes,
					events::publishEvent);
		}

		/**
		 * The application's only (or primary) container factory; with several, the one that
		 * {@code @SqsListener} uses by default.
		 */
		@SuppressWarnings("unchecked")
		private static SqsMessageListenerContainerFactory<Object> containerFactory(
				ObjectProvider<SqsMessageListenerContainerFactory<Object>> factories, BeanFactory beanFactory) {
			SqsMessageListenerContainerFactory<Object> factory = factories.getIfUnique();
			return (factory != null) ? factory
					: beanFactory.getBean(EndpointRegistrar.DEFAULT_LISTENER_CONTAINER_FACTORY_BEAN_NAME,
							SqsMessageListenerContainerFactory.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(DataSource.class)
	static class InboxConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnSingleCandidate(PlatformTransactionManager.class)
		Inbox eventBusInbox(DataSource dataSource, PlatformTransactionManager transactionManager) {
			return new Inbox(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager),
					Clock.systemUTC(), OutboxSchema.platform(dataSource).equals("mysql"));
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(Inbox.class)
		InboxPurge eventBusInboxPurge(Inbox inbox, EventBusProperties properties) {
			return new InboxPurge(inbox, properties.getConsume().getInboxRetention());
		}

	}

}
