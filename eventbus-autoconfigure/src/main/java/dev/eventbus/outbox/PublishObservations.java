package dev.eventbus.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.eventbus.observation.DefaultPublishObservationConvention;
import dev.eventbus.observation.EventBusObservationDocumentation;
import dev.eventbus.observation.EventNotPublishedException;
import dev.eventbus.observation.OutboxTraceContext;
import dev.eventbus.observation.PublishContext;
import dev.eventbus.observation.PublishObservationConvention;
import dev.eventbus.transport.OutgoingMessage;

/**
 * The {@code eventbus.publish} observation of each event the relay sends. It starts before the
 * transport call that carries the event, with the trace context stored at capture made current
 * (so its span is that context's child), and its carrier is the message's attribute map, which
 * a tracing handler fills with the propagation fields; {@link PropagationFields} decides which
 * of them fit SNS's limits.
 */
final class PublishObservations {

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	private static final DefaultPublishObservationConvention DEFAULT = new DefaultPublishObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable PublishObservationConvention convention;

	private final OutboxTraceContext traceContexts;

	private final PropagationFields fields = new PropagationFields();

	private final AtomicBoolean failureWarned = new AtomicBoolean();

	/**
	 * Creates the observations of a relay.
	 * @param registry the application's observation registry
	 * @param convention the application's convention, {@code null} for the default
	 * @param traceContexts restores the trace context stored with a row
	 */
	PublishObservations(ObservationRegistry registry, @Nullable PublishObservationConvention convention,
			OutboxTraceContext traceContexts) {
		this.registry = registry;
		this.convention = convention;
		this.traceContexts = traceContexts;
	}

	/**
	 * Starts the observation of each event and gives its message, with the propagation
	 * fields among its attributes when they fit.
	 * @param events the events
	 * @param messages their messages, in the same order
	 * @return the started observations, in the same order
	 */
	List<Publish> start(List<PendingEvent> events, List<OutgoingMessage> messages) {
		List<Publish> started = new ArrayList<>(events.size());
		for (int i = 0; i < events.size(); i++) {
			started.add(start(events.get(i), messages.get(i)));
		}
		return started;
	}

	/**
	 * Starts one observation; a failure of the observation (a handler, a convention, a stored
	 * context the tracer refuses) never keeps the event from being sent: it goes unobserved.
	 */
	private Publish start(PendingEvent event, OutgoingMessage message) {
		if (this.registry.isNoop()) {
			return new Publish(Observation.NOOP, message);
		}
		Observation[] started = { Observation.NOOP };
		try {
			return observe(event, message, started);
		}
		catch (RuntimeException ex) {
			try {
				started[0].stop();
			}
			catch (RuntimeException ignored) {
				// the handler that failed at start may fail again: the event is sent all the same
			}
			if (this.failureWarned.compareAndSet(false, true)) {
				logger.warn("eventbus sends event " + event.eventId() + " without its eventbus.publish observation,"
						+ " which failed to start: " + ex + "; logged once", ex);
			}
			return new Publish(Observation.NOOP, message);
		}
	}

	private Publish observe(PendingEvent event, OutgoingMessage message, Observation[] started) {
		Map<String, String> carrier = new LinkedHashMap<>(message.attributes());
		PublishContext context = new PublishContext(carrier, event.channel(), event.action(),
				event.eventId().toString());
		Observation observation = EventBusObservationDocumentation.PUBLISH.observation(this.convention, DEFAULT,
				() -> context, this.registry);
		String stored = event.traceContext();
		if (stored != null) {
			// the relay's threads have no observation open: the stored context becomes the parent
			try (OutboxTraceContext.Scope scope = this.traceContexts.restore(stored)) {
				started[0] = observation;
				observation.start();
			}
		}
		else {
			started[0] = observation;
			observation.start();
		}
		return new Publish(observation, this.fields.fit(message, carrier));
	}

	/**
	 * Stops the observations of a transport call that reached the broker.
	 * @param started the observations
	 * @param failures the transport's failures by event id
	 */
	static void stop(List<Publish> started, Map<UUID, String> failures) {
		for (Publish publish : started) {
			String failure = failures.get(publish.message().id());
			stop(publish.observation(), (failure != null) ? new EventNotPublishedException(failure) : null);
		}
	}

	/**
	 * Stops the observations of a transport call that could not reach the broker.
	 * @param started the observations
	 * @param error the transport's exception
	 */
	static void stop(List<Publish> started, RuntimeException error) {
		for (Publish publish : started) {
			stop(publish.observation(), error);
		}
	}

	/** Stops one observation; a handler that fails must not keep the relay from recording the send. */
	private static void stop(Observation observation, @Nullable Throwable error) {
		try {
			if (error != null) {
				observation.error(error);
			}
			observation.stop();
		}
		catch (RuntimeException ex) {
			logger.debug("eventbus: an eventbus.publish observation failed to stop", ex);
		}
	}

	/**
	 * The observation of one event and the message to send for it.
	 *
	 * @param observation the started observation
	 * @param message the message
	 */
	record Publish(Observation observation, OutgoingMessage message) {
	}

}
