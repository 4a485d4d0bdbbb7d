package dev.eventbus.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.operations.DeadLetterQueues;
import dev.eventbus.operations.EventReplay;
import dev.eventbus.outbox.OutboxStore;

/**
 * Operations on the listeners of a running application: {@link DeadLetterQueues} (peek and
 * redrive) and, where the application has an outbox, {@link EventReplay}. Nothing calls them by
 * itself: the {@code eventbus} Actuator endpoint or the application does.
 */
@AutoConfiguration(after = { EventBusListenerAutoConfiguration.class, EventBusOutboxAutoConfiguration.class })
@ConditionalOnBean(ListenerContainers.class)
public final class EventBusOperationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DeadLetterQueues eventBusDeadLetterQueues(SqsAsyncClient sqs, ListenerContainers listeners) {
		return new DeadLetterQueues(sqs, listeners);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(OutboxStore.class)
	@ConditionalOnSingleCandidate(DataSource.class)
	static class ReplayConfiguration {

		@Bean
		@ConditionalOnMissingBean
		EventReplay eventBusEventReplay(ListenerContainers listeners, SqsAsyncClient sqs, DataSource dataSource,
				ObjectProvider<EntityManagerFactory> entityManagerFactories) {
			return new EventReplay(listeners, sqs, new JdbcTemplate(dataSource),
					EventBusTransportAutoConfiguration.publishedChannels(entityManagerFactories), Clock.systemUTC());
		}

	}

}
