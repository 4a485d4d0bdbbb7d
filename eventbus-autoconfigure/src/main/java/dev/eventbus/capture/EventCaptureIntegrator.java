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
		this(events, store, signal, committed, true, PayloadMappers.NONE);
	}

	/**
	 * Creates the integrator.
	 * @param events builds the events
	 * @param store the outbox the events are appended to
	 * @param signal woken after a commit that appended events
	 * @param committed told after each commit that appended events
	 * @param collapse whether the changes of an entity in one transaction become one net event
	 * ({@code false}: an event per flushed change)
	 * @param mappers the payload mappers by channel, checked against the persistence unit's
	 * channels once the session factory is built
	 */
	public EventCaptureIntegrator(EventFactory events, OutboxStore store, OutboxSignal signal,
			List<CommittedEventsListener> committed, boolean collapse, PayloadMappers mappers) {
		this.listener = new EntityChangeListener(
				new SessionOutbox.Registry(store, signal, committed, events, collapse), mappers);
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
