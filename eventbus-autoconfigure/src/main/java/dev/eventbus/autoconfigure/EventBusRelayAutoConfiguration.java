package dev.eventbus.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.eventbus.observation.OutboxTraceContext;
import dev.eventbus.observation.PublishObservationConvention;
import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.outbox.OutboxSignal;
import dev.eventbus.outbox.OutboxStore;
import dev.eventbus.outbox.RelayLeases;
import dev.eventbus.transport.EventTransport;

/**
 * The relay: sends the outbox's committed events through the application's {@link EventTransport},
 * SNS ({@link EventBusTransportAutoConfiguration}) or any other (eventbus-test's in-memory delivery).
 */
@AutoConfiguration(after = { EventBusOutboxAutoConfiguration.class, EventBusTransportAutoConfiguration.class })
@ConditionalOnBean({ EventTransport.class, OutboxStore.class })
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusRelayAutoConfiguration {

	static final Duration RELAY_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	@Bean
	@ConditionalOnMissingBean
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
						outbox.getMaxRetryDelay(), outbox.isPurgeEnabled() ? outbox.getRetention() : null, RELAY_SHUTDOWN_TIMEOUT,
						outbox.getRelayWorkers(), outbox.getLeaseDuration()),
				Clock.systemUTC(),
				new OutboxRelay.Observability(observations.getIfAvailable(() -> ObservationRegistry.NOOP),
						convention.getIfUnique(), traceContext.getIfAvailable(() -> OutboxTraceContext.NONE)));
	}

}
