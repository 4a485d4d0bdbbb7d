package dev.eventbus.capture;

import java.util.List;

import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;

import dev.eventbus.outbox.OutboxSignal;
import dev.eventbus.outbox.OutboxStore;

/**
 * Registers the change listener on the application's {@code SessionFactory} and, once the
 * factory is built, checks its {@link dev.eventbus.PublishEvents} annotations against the
 * metamodel. Supplied to Hibernate through the {@code hibernate.integrator_provider} property.
 */
public final class EventCaptureIntegrator implements org.hibernate.integrator.spi.Integrator {

	private final EntityChangeListener listener;

	private final PayloadMappers mappers;

	/**
	 * Creates the integrator that writes entity events into the same per-transaction batches as
	 * the events published with {@link dev.eventbus.EventBus}.
	 * @param outboxes the batches of the transactions in progress (they fold an entity's changes
	 * into one net event unless every flush is published)
	 * @param mappers the payload mappers by channel, checked against the persistence unit's
	 * channels once the session factory is built
	 */
	public EventCaptureIntegrator(TransactionOutboxes outboxes, PayloadMappers mappers) {
		this.listener = new EntityChangeListener(outboxes.sessions(), mappers);
		this.mappers = mappers;
	}

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
			SessionFactoryImplementor sessionFactory) {
		EventListenerRegistry registry = sessionFactory.getEventListenerRegistry();
		registry.appendListeners(EventType.POST_INSERT, this.listener);
		registry.appendListeners(EventType.POST_UPDATE, this.listener);
		registry.appendListeners(EventType.POST_DELETE, this.listener);
		sessionFactory.addObserver(new SessionFactoryObserver() {
			@Override
			public void sessionFactoryCreated(SessionFactory factory) {
				PublishedEntityValidator.validate(sessionFactory);
				EventCaptureIntegrator.this.mappers.validate(PublishedEntityValidator.channels(sessionFactory));
			}
		});
	}

}
