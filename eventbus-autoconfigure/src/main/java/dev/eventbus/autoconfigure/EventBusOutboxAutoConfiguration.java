package dev.eventbus.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

import dev.eventbus.EventLog;
import dev.eventbus.PayloadMapper;
import dev.eventbus.capture.BulkMutationGuard;
import dev.eventbus.capture.CommittedEventsListener;
import dev.eventbus.capture.EventCaptureIntegrator;
import dev.eventbus.capture.EventFactory;
import dev.eventbus.capture.MultiTableInsertGuard;
import dev.eventbus.capture.MultiTableMutationGuard;
import dev.eventbus.capture.PayloadMappers;
import dev.eventbus.capture.TransactionOutboxes;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.observation.OutboxTraceContext;
import dev.eventbus.outbox.FailingEvents;
import dev.eventbus.outbox.JdbcEventLog;
import dev.eventbus.outbox.JdbcOutboxStore;
import dev.eventbus.outbox.OutboxBacklog;
import dev.eventbus.outbox.OutboxSignal;
import dev.eventbus.outbox.JdbcRelayLeases;
import dev.eventbus.outbox.OutboxStore;
import dev.eventbus.outbox.RelayLeases;
import dev.eventbus.provision.NamingStrategy;

/**
 * Capture and outbox: registers the Hibernate change listener on the application's
 * {@code SessionFactory}, writes events to the {@code eventbus_outbox} table and creates that
 * table on start-up as {@code eventbus.outbox.initialize-schema} says; the {@link EventLog}
 * reads published events back from it.
 */
@AutoConfiguration(after = { EventBusNamingAutoConfiguration.class, DataSourceAutoConfiguration.class },
		before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ IntegratorProvider.class, DataSource.class })
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusOutboxAutoConfiguration {

	static final String INTEGRATOR_PROVIDER = "hibernate.integrator_provider";

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static EventMessageCodec eventBusMessageCodec() {
		return new EventMessageCodec();
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxSignal eventBusOutboxSignal() {
		return new OutboxSignal();
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxStore eventBusOutboxStore(DataSource dataSource) {
		return new JdbcOutboxStore(dataSource, OutboxSchema.platform(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean
	EventLog eventBusEventLog(DataSource dataSource, EventMessageCodec codec, EventBusProperties properties) {
		PropertyChecks.positive("eventbus.outbox.log-settle-time", properties.getOutbox().getLogSettleTime());
		return new JdbcEventLog(dataSource, codec, properties.getOutbox().getLogSettleTime(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxBacklog eventBusOutboxBacklog(DataSource dataSource) {
		return new OutboxBacklog(dataSource, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	FailingEvents eventBusFailingEvents(DataSource dataSource) {
		return new FailingEvents(dataSource, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	RelayLeases eventBusRelayLeases(DataSource dataSource) {
		return new JdbcRelayLeases(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean
	EventFactory eventBusEventFactory(EventMessageCodec codec, NamingStrategy naming, EventBusProperties properties,
			Environment environment, ObjectProvider<OutboxTraceContext> traceContext) {
		return new EventFactory(codec, EventBusNames.publisher(properties, environment), naming, Clock.systemUTC(),
				traceContext.getIfAvailable(() -> OutboxTraceContext.NONE));
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	TransactionOutboxes eventBusTransactionOutboxes(EventFactory events, OutboxStore store, OutboxSignal signal,
			ObjectProvider<CommittedEventsListener> committed, DataSource dataSource,
			ObjectProvider<EntityManagerFactory> entityManagerFactory, EventBusProperties properties) {
		return new TransactionOutboxes(store, signal, committed.orderedStream().toList(), dataSource,
				entityManagerFactory::getIfUnique, events, properties.getPublish().isCollapsePerTransaction());
	}

	@Bean
	HibernatePropertiesCustomizer eventBusCaptureCustomizer(TransactionOutboxes outboxes,
			ObjectProvider<PayloadMapper> mappers, EventBusProperties properties) {
		EventBusProperties.Publish publish = properties.getPublish();
		Integrator integrator = new EventCaptureIntegrator(outboxes, new PayloadMappers(mappers.orderedStream().toList()));
		return (hibernateProperties) -> {
			addIntegrator(hibernateProperties, integrator);
			if (!publish.isAllowBulkMutations()) {
				// a strategy of the application's own is kept: it then decides about bulk statements
				hibernateProperties.putIfAbsent(BulkMutationGuard.SETTING, BulkMutationGuard.class.getName());
				hibernateProperties.putIfAbsent(MultiTableMutationGuard.SETTING, MultiTableMutationGuard.class.getName());
				hibernateProperties.putIfAbsent(MultiTableInsertGuard.SETTING, MultiTableInsertGuard.class.getName());
			}
		};
	}

	@Bean
	OutboxSchema.Initializer eventBusOutboxSchemaInitializer(DataSource dataSource, EventBusProperties properties) {
		return new OutboxSchema.Initializer(dataSource, properties.getOutbox().getInitializeSchema(),
				properties.getOutbox().isRelayEnabled());
	}

	private static void addIntegrator(Map<String, Object> hibernateProperties, Integrator integrator) {
		Object existing = hibernateProperties.get(INTEGRATOR_PROVIDER);
		List<Integrator> integrators = new ArrayList<>();
		if (existing instanceof IntegratorProvider provider) {
			integrators.addAll(provider.getIntegrators());
		}
		integrators.add(integrator);
		List<Integrator> all = List.copyOf(integrators);
		hibernateProperties.put(INTEGRATOR_PROVIDER, (IntegratorProvider) () -> all);
	}

}
