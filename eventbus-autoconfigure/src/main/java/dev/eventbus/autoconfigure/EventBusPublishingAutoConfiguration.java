package dev.eventbus.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.EventBus;
import dev.eventbus.capture.EventFactory;
import dev.eventbus.capture.OutboxEventBus;
import dev.eventbus.capture.PublishedEventListener;
import dev.eventbus.capture.TransactionOutboxes;
import dev.eventbus.message.EventMessageCodec;

/**
 * Publishing events from code: the {@link EventBus} bean, on the outbox of
 * {@link EventBusOutboxAutoConfiguration}, and the listener that publishes the
 * {@link dev.eventbus.PublishedEvent} objects the application publishes with Spring's
 * {@code ApplicationEventPublisher} through it.
 */
@AutoConfiguration(after = { EventBusOutboxAutoConfiguration.class, TransactionAutoConfiguration.class })
@ConditionalOnBean(TransactionOutboxes.class)
public final class EventBusPublishingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EventBus eventBus(EventFactory events, EventMessageCodec codec, TransactionOutboxes outboxes,
			ObjectProvider<PlatformTransactionManager> transactionManager) {
		return new OutboxEventBus(events, codec, outboxes, newTransaction(transactionManager));
	}

	@Bean
	@ConditionalOnMissingBean
	PublishedEventListener eventBusPublishedEventListener(EventBus eventBus, EventMessageCodec codec) {
		return new PublishedEventListener(eventBus, codec);
	}

	/**
	 * Runs a callback with propagation {@code REQUIRES_NEW} on the application's transaction
	 * manager, looked up on first use: only {@code publishInNewTransaction} needs one.
	 */
	private static TransactionOperations newTransaction(ObjectProvider<PlatformTransactionManager> transactionManager) {
		return new TransactionOperations() {

			private volatile @Nullable TransactionTemplate template;

			@Override
			public <T> @Nullable T execute(TransactionCallback<T> action) {
				TransactionTemplate template = this.template;
				if (template == null) {
					template = new TransactionTemplate(transactionManager.getObject());
					template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
					this.template = template;
				}
				return template.execute(action);
			}

		};
	}

}
