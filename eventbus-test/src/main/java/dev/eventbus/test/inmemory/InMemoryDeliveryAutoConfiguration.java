package dev.eventbus.test.inmemory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import dev.eventbus.autoconfigure.EventBusListenerAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusNamingAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusRelayAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusTransportAutoConfiguration;
import dev.eventbus.consume.DirectListeners;
import dev.eventbus.provision.NamingStrategy;
import dev.eventbus.transport.EventTransport;

/**
 * In-memory delivery, with {@code eventbus.test.delivery=in-memory} (or {@link dev.eventbus.test.InMemoryEventBus}):
 * the relay's {@link EventTransport} hands events to {@link InMemoryDelivery} instead of SNS. The
 * listeners it delivers to are {@link InMemoryListenersAutoConfiguration}'s.
 */
@AutoConfiguration(after = EventBusNamingAutoConfiguration.class, before = { EventBusTransportAutoConfiguration.class,
		EventBusRelayAutoConfiguration.class, EventBusListenerAutoConfiguration.class })
@Conditional(OnInMemoryDelivery.class)
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusTestProperties.class)
public final class InMemoryDeliveryAutoConfiguration {

	@Bean
	InMemoryDelivery eventBusInMemoryDelivery(NamingStrategy naming, ObjectProvider<DirectListeners> listeners,
			EventBusTestProperties properties) {
		EventBusTestProperties.InMemory inMemory = properties.getInMemory();
		if (inMemory.getThreads() < 1) {
			throw new InvalidConfigurationPropertyValueException("eventbus.test.in-memory.threads",
					inMemory.getThreads(), "It must be at least 1");
		}
		if (inMemory.getRetryDelay().isNegative()) {
			throw new InvalidConfigurationPropertyValueException("eventbus.test.in-memory.retry-delay",
					inMemory.getRetryDelay(), "It must not be negative (0 retries at once)");
		}
		return new InMemoryDelivery(naming,
				() -> listeners.orderedStream().flatMap((registrar) -> registrar.listeners().stream()).toList(),
				inMemory.getRetryDelay(), inMemory.getThreads());
	}

	@Bean
	EventTransport eventBusTransport(InMemoryDelivery delivery) {
		return new InMemoryEventTransport(delivery);
	}

}
