package dev.eventbus.test.inmemory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import dev.eventbus.autoconfigure.EventBusListenerAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusProperties;
import dev.eventbus.consume.DirectListeners;
import dev.eventbus.consume.Inbox;
import dev.eventbus.consume.ListenerAnnotationBeanPostProcessor;
import dev.eventbus.consume.ListenerContainerBuilder;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.observation.HandleObservationConvention;
import dev.eventbus.provision.NamingStrategy;

/**
 * The listeners of in-memory delivery: the {@link dev.eventbus.Listener} methods that
 * {@link EventBusListenerAutoConfiguration} found, run without SQS containers, with the inbox,
 * observations and {@code eventbus.provision.max-receive-count} of production.
 */
@AutoConfiguration(after = { EventBusListenerAutoConfiguration.class, InMemoryDeliveryAutoConfiguration.class })
@Conditional(OnInMemoryDelivery.class)
@ConditionalOnBean({ ListenerAnnotationBeanPostProcessor.class, InMemoryDelivery.class })
@EnableConfigurationProperties(EventBusProperties.class)
public final class InMemoryListenersAutoConfiguration {

	@Bean
	DirectListeners eventBusDirectListeners(ListenerAnnotationBeanPostProcessor methods,
			ObjectProvider<EventMessageCodec> codec, ObjectProvider<Inbox> inbox, NamingStrategy naming,
			EventBusProperties properties, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<HandleObservationConvention> convention, ObjectProvider<MeterRegistry> meters) {
		return new DirectListeners(methods, codec.getIfAvailable(EventMessageCodec::new), inbox.getIfAvailable(),
				naming, properties.getProvision().getMaxReceiveCount(),
				new ListenerContainerBuilder.Observability(observations.getIfAvailable(() -> ObservationRegistry.NOOP),
						convention.getIfUnique(), meters.getIfUnique()));
	}

}
