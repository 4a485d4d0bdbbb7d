package dev.eventbus.autoconfigure;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.eventbus.observation.OutboxTraceContext;
import dev.eventbus.observation.TracerOutboxTraceContext;

/**
 * Tracing across the outbox: with Micrometer Tracing on the class path and a {@link Tracer}
 * bean, the trace context current at capture is stored with each outbox row and the relay's
 * publish span continues it. The observations themselves use the application's
 * {@code ObservationRegistry} wherever they are made.
 */
@AutoConfiguration(before = { EventBusOutboxAutoConfiguration.class, EventBusTransportAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
public final class EventBusObservationAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	static class TracingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OutboxTraceContext eventBusOutboxTraceContext(ObjectProvider<Tracer> tracer) {
			Tracer available = tracer.getIfUnique();
			return (available != null && available != Tracer.NOOP) ? new TracerOutboxTraceContext(available)
					: OutboxTraceContext.NONE;
		}

	}

}
