package dev.eventbus.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * a tracing handler fills with the propagation fields. SNS takes at most
 * {@value #MAX_ATTRIBUTES} attributes a message: when the propagation fields would make more,
 * the message goes without them, and that is logged once (at WARN) for the life of the relay.
 */
final class PublishObservations {

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	/** SNS rejects a message with more message attributes than this. */
	static final int MAX_ATTRIBUTES = 10;

	private static final DefaultPublishObservationConvention DEFAULT = new DefaultPublishObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable PublishObservationConvention convention;

	private final OutboxTraceContext traceContexts;

	private final AtomicBoolean warned = new AtomicBoolean();

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

	private Publish start(PendingEvent event, OutgoingMessage message) {
		if (this.registry.isNoop()) {
			return new Publish(Observation.NOOP, message);
		}
		Map<String, String> carrier = new LinkedHashMap<>(message.attributes());
		PublishContext context = new PublishContext(carrier, event.channel(), event.action(),
				event.eventId().toString());
		Observation observation = EventBusObservationDocumentation.PUBLISH.observation(this.convention, DEFAULT,
				() -> context, this.registry);
		String stored = event.traceContext();
		if (stored != null) {
			// the relay's threads have no observation open: the stored context becomes the parent
			try (OutboxTraceContext.Scope scope = this.traceContexts.restore(stored)) {
				observation.start();
			}
		}
		else {
			observation.start();
		}
		if (carrier.size() <= MAX_ATTRIBUTES) {
			return new Publish(observation, withAttributes(message, carrier));
		}
		if (this.warned.compareAndSet(false, true)) {
			List<String> added = new ArrayList<>(carrier.keySet());
			added.removeAll(message.attributes().keySet());
			logger.warn("eventbus sends events without their trace attributes " + added + ": with them a message would"
					+ " have " + carrier.size() + " attributes, more than the " + MAX_ATTRIBUTES + " SNS accepts"
					+ " (limit the propagated fields, such as baggage); logged once");
		}
		return new Publish(observation, message);
	}

	private static OutgoingMessage withAttributes(OutgoingMessage message, Map<String, String> attributes) {
		return (attributes.size() == message.attributes().size()) ? message
				: new OutgoingMessage(message.id(), message.destination(), message.orderingKey(), message.body(),
						attributes);
	}

	/**
	 * Stops the observations of a transport call that reached the broker.
	 * @param started the observations
	 * @param failures the transport's failures by event id
	 */
	static void stop(List<Publish> started, Map<java.util.UUID, String> failures) {
		for (Publish publish : started) {
			String failure = failures.get(publish.message().id());
			if (failure != null) {
				publish.observation().error(new EventNotPublishedException(failure));
			}
			publish.observation().stop();
		}
	}

	/**
	 * Stops the observations of a transport call that could not reach the broker.
	 * @param started the observations
	 * @param error the transport's exception
	 */
	static void stop(List<Publish> started, RuntimeException error) {
		for (Publish publish : started) {
			publish.observation().error(error);
			publish.observation().stop();
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
