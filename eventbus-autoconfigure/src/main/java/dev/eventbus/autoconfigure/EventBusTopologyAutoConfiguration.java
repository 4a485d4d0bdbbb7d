package dev.eventbus.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import jakarta.persistence.EntityManagerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import dev.eventbus.consume.ListenerAnnotationBeanPostProcessor;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.provision.AwsAccount;
import dev.eventbus.provision.CachingTopicResolver;
import dev.eventbus.provision.NamingStrategy;
import dev.eventbus.provision.TopologyBuilder;

/**
 * The AWS topology the application needs ({@link dev.eventbus.provision.Topology}), computed
 * without calling AWS; with {@code eventbus.topology.print=true}, print mode: the document is
 * printed to standard output and the application exits (nothing is provisioned, the relay and
 * the listener containers are not created).
 */
@AutoConfiguration(after = { EventBusNamingAutoConfiguration.class, EventBusTransportAutoConfiguration.class,
		EventBusListenerAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@ConditionalOnBean(NamingStrategy.class)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusTopologyAutoConfiguration {

	/** The property of print mode. */
	static final String PRINT = "eventbus.topology.print";

	@Bean
	TopologySource eventBusTopology(NamingStrategy naming, EventBusProperties properties, Environment environment,
			ObjectProvider<EntityManagerFactory> entityManagerFactories,
			ObjectProvider<ListenerAnnotationBeanPostProcessor> listenerMethods,
			ObjectProvider<ListenerContainers> listeners, ObjectProvider<CachingTopicResolver> topics,
			ObjectProvider<AwsConnectionDetails> connectionDetails) {
		EventBusProperties.Topology topology = properties.getTopology();
		String region = StringUtils.hasText(topology.getRegion()) ? topology.getRegion()
				: awsRegion(connectionDetails.getIfAvailable(), environment);
		return new TopologySource(
				new TopologyBuilder(naming, EventBusTransportAutoConfiguration.provisionSettings(properties)),
				() -> EventBusTransportAutoConfiguration.publishedChannels(entityManagerFactories),
				() -> listenerMethods.stream().flatMap((bpp) -> bpp.queueRequests().stream()).toList(),
				AwsAccount.of(region, topology.getAccountId()), () -> knownArns(listeners, topics, entityManagerFactories));
	}

	/**
	 * The region Spring Cloud AWS's clients use, as it resolves it: the connection details' (a
	 * {@code @ServiceConnection}, eventbus-test's {@code @EnableFauxqs}) win over the property.
	 */
	static @Nullable String awsRegion(@Nullable AwsConnectionDetails connectionDetails, Environment environment) {
		String region = (connectionDetails != null) ? connectionDetails.getRegion() : null;
		return StringUtils.hasText(region) ? region : environment.getProperty("spring.cloud.aws.region.static");
	}

	/** ARNs this instance resolved, which name its account and region. */
	private static List<String> knownArns(ObjectProvider<ListenerContainers> listeners,
			ObjectProvider<CachingTopicResolver> topics, ObjectProvider<EntityManagerFactory> entityManagerFactories) {
		List<String> arns = new ArrayList<>();
		listeners.ifAvailable((containers) -> containers.listeners()
			.forEach((listener) -> arns.add(listener.queue().topicArn())));
		topics.ifAvailable((resolver) -> EventBusTransportAutoConfiguration.publishedChannels(entityManagerFactories)
			.stream()
			.flatMap((channel) -> Stream.ofNullable(resolver.knownTopicArn(channel)))
			.forEach(arns::add));
		return arns;
	}

	@Bean
	@ConditionalOnBooleanProperty(PRINT)
	TopologyPrinter eventBusTopologyPrinter(TopologySource topology, ConfigurableApplicationContext context) {
		return new TopologyPrinter(topology, context, System.out);
	}

}
