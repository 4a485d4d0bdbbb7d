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

	/**
	 * Creates the integrator.
	 * @param events builds the events
	 * @param store the outbox the events are appended to
	 * @param signal woken after a commit that appended events
	 */
	public EventCaptureIntegrator(EventFactory events, OutboxStore store, OutboxSignal signal) {
		this(events, store, signal, List.of());
	}

	/**
	 * Creates the integrator with listeners told about committed events.
	 * @param events builds the events
	 * @param store the outbox the events are appended to
	 * @param signal woken after a commit that appended events
	 * @param committed told after each commit that appended events
	 */
	public EventCaptureIntegrator(EventFactory events, OutboxStore store, OutboxSignal signal,
			List<CommittedEventsListener> committed) {
		this.listener = new EntityChangeListener(events, new SessionOutbox.Registry(store, signal, committed));
	}

	/**
	 * Creates the integrator that writes entity events into the same per-transaction batches as
	 * the events published with {@link dev.eventbus.EventBus}.
	 * @param events builds the events
	 * @param outboxes the batches of the transactions in progress
	 */
	public EventCaptureIntegrator(EventFactory events, TransactionOutboxes outboxes) {
		this.listener = new EntityChangeListener(events, outboxes.sessions());
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
			}
		});
	}

}
