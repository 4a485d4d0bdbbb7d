package dev.eventbus.consume;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.eventbus.message.EventMessage;
import dev.eventbus.observation.DefaultHandleObservationConvention;
import dev.eventbus.observation.EventBusObservationDocumentation;
import dev.eventbus.observation.HandleContext;
import dev.eventbus.observation.HandleObservationConvention;
import dev.eventbus.observation.HandleOutcome;

/**
 * The {@code eventbus.handle} observation of each delivery to one listener method, and the
 * {@code eventbus.handle.lag} timer (from the event's {@code occurredAt} to the start of
 * handling). The outcome of a failed delivery is the one the listener's
 * {@link ListenerErrorHandler#decide error handler decides}.
 */
final class HandleObservations {

	private static final DefaultHandleObservationConvention DEFAULT = new DefaultHandleObservationConvention();

	private final String listener;

	private final ObservationRegistry registry;

	private final @Nullable HandleObservationConvention convention;

	private final @Nullable MeterRegistry meters;

	private final Clock clock;

	/** The lag timer of each channel, built once (not per message). */
	private final Map<String, Timer> lags = new ConcurrentHashMap<>();

	/**
	 * Creates the observations of one listener.
	 * @param listener the listener id
	 * @param registry the application's observation registry
	 * @param convention the application's convention, {@code null} for the default
	 * @param meters where the lag is timed, {@code null} for nowhere
	 * @param clock the clock of the lag
	 */
	HandleObservations(String listener, ObservationRegistry registry, @Nullable HandleObservationConvention convention,
			@Nullable MeterRegistry meters, Clock clock) {
		this.listener = listener;
		this.registry = registry;
		this.convention = convention;
		this.meters = meters;
		this.clock = clock;
	}

	/** Observes nothing. */
	static HandleObservations none(String listener) {
		return new HandleObservations(listener, ObservationRegistry.NOOP, null, null, Clock.systemUTC());
	}

	/**
	 * Whether the observations go anywhere; if not, no carrier needs to be read.
	 * @return {@code false} with a no-op observation registry
	 */
	boolean observing() {
		return !this.registry.isNoop();
	}

	/**
	 * Times the lag and starts the observation of a delivery.
	 * @param attributes the message attributes the event arrived with (the carrier)
	 * @param event the event
	 * @return the started observation
	 */
	Handle start(Map<String, String> attributes, EventMessage event) {
		if (this.meters != null) {
			Duration lag = Duration.between(event.occurredAt(), this.clock.instant());
			this.lags.computeIfAbsent(event.channel(), (channel) -> Timer.builder("eventbus.handle.lag")
				.description("From the event's occurredAt to the start of its handling")
				.tag("listener", this.listener)
				.tag("channel", channel)
				.register(this.meters)).record(lag.isNegative() ? Duration.ZERO : lag);
		}
		if (this.registry.isNoop()) {
			return new Handle(Observation.NOOP, null);
		}
		HandleContext context = new HandleContext(attributes, this.listener, event.channel(), event.action(),
				event.eventId());
		Observation observation = EventBusObservationDocumentation.HANDLE
			.observation(this.convention, DEFAULT, () -> context, this.registry)
			.start();
		return new Handle(observation, context);
	}

	/**
	 * An observed delivery.
	 *
	 * @param observation the observation, started
	 * @param context its context, {@code null} when nothing is observed
	 */
	record Handle(Observation observation, @Nullable HandleContext context) {

		/** The idempotent listener had handled the event before. */
		void skipped() {
			if (this.context != null) {
				this.context.setOutcome(HandleOutcome.DUPLICATE_SKIPPED);
			}
		}

		/**
		 * The method threw.
		 * @param failure what it threw
		 * @param outcome what the failure leads to (asked only when something observes)
		 */
		void failed(Throwable failure, Function<Throwable, HandleOutcome> outcome) {
			if (this.context != null) {
				this.context.setOutcome(outcome.apply(failure));
				this.observation.error(ListenerErrorHandler.unwrap(failure));
			}
		}

	}

}
