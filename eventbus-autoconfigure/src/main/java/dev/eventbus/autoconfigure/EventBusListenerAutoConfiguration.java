package dev.eventbus.autoconfigure;

import java.util.Set;
import java.util.TreeSet;

import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import jakarta.persistence.EntityManagerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

import dev.eventbus.capture.PublishedChannels;
import dev.eventbus.consume.ListenerAnnotationBeanPostProcessor;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.provision.SnsSqsProvisioner;

/**
 * Listeners: finds {@link dev.eventbus.Listener} methods and runs one SQS listener container
 * per method.
 */
@AutoConfiguration(after = { EventBusTransportAutoConfiguration.class, SqsAutoConfiguration.class })
@ConditionalOnClass(SqsMessageListenerContainerFactory.class)
@ConditionalOnBean(SnsSqsProvisioner.class)
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "eventbus.consume.enabled", matchIfMissing = true)
public final class EventBusListenerAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ListenerAnnotationBeanPostProcessor eventBusListenerAnnotationBeanPostProcessor(
			ObjectProvider<EventMessageCodec> codec) {
		return new ListenerAnnotationBeanPostProcessor(codec.getIfAvailable(EventMessageCodec::new));
	}

	@Bean
	ListenerContainers eventBusListenerContainers(ListenerAnnotationBeanPostProcessor listeners,
			SnsSqsProvisioner provisioner, SqsMessageListenerContainerFactory<Object> factory, SqsAsyncClient sqs,
			ObjectProvider<EventMessageCodec> codec, ObjectProvider<EntityManagerFactory> entityManagerFactories,
			EventBusProperties properties) {
		Set<String> published = new TreeSet<>();
		entityManagerFactories.orderedStream().forEach((emf) -> published.addAll(PublishedChannels.of(emf)));
		return new ListenerContainers(listeners, provisioner, factory, sqs, codec.getIfAvailable(EventMessageCodec::new),
				new ListenerContainers.Settings(properties.getConsume().getMaxConcurrentMessages(), published));
	}

}
