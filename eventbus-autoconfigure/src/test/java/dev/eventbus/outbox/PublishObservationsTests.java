package dev.eventbus.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.eventbus.observation.EventNotPublishedException;
import dev.eventbus.observation.OutboxTraceContext;
import dev.eventbus.transport.OutgoingMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 2: the {@code eventbus.publish} observation of each event the relay sends, its
 * carrier (the message attributes), SNS's limit of ten attributes, and the stored trace
 * context made current while the observation starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class PublishObservationsTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final RelayMessages messages = new RelayMessages("app");

	@Test
	void propagationFieldsThatFitTravelAsMessageAttributes() {
		inject(2);
		List<PendingEvent> events = List.of(row(null));
		List<PublishObservations.Publish> started = observations(OutboxTraceContext.NONE).start(events,
				this.messages.of(events));
		assertThat(started.get(0).message().attributes()).containsKeys("channel", "action", "eventId", "publisher",
				"field-1", "field-2");
		PublishObservations.stop(started, Map.of());
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("eventbus.publish")
			.that()
			.hasLowCardinalityKeyValue("channel", "Order")
			.hasLowCardinalityKeyValue("action", "updated")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasContextualNameEqualTo("Order publish")
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void propagationFieldsBeyondTenAttributesAreDroppedWithOneWarn(CapturedOutput output) {
		inject(7);
		PublishObservations observations = observations(OutboxTraceContext.NONE);
		for (int i = 0; i < 3; i++) {
			List<PendingEvent> events = List.of(row(null));
			List<PublishObservations.Publish> started = observations.start(events, this.messages.of(events));
			assertThat(started.get(0).message().attributes()).as("the attributes the relay sends, no more")
				.containsOnlyKeys("channel", "action", "eventId", "publisher");
			PublishObservations.stop(started, Map.of());
		}
		assertThat(output.getOut().split("eventbus sends events without their trace attributes", -1)).hasSize(2);
		assertThat(output).contains("more than the 10 SNS accepts");
	}

	@Test
	void aFailedEventEndsItsObservationWithTheFailure() {
		List<PendingEvent> events = List.of(row(null));
		List<PublishObservations.Publish> started = observations(OutboxTraceContext.NONE).start(events,
				this.messages.of(events));
		PublishObservations.stop(started, Map.of(events.get(0).eventId(), "InvalidParameter: bad"));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("eventbus.publish")
			.that()
			.hasLowCardinalityKeyValue("outcome", "failure")
			.hasLowCardinalityKeyValue("error", "EventNotPublishedException")
			.assertThatError()
			.isInstanceOf(EventNotPublishedException.class)
			.hasMessage("InvalidParameter: bad");
	}

	@Test
	void theStoredTraceContextIsCurrentOnlyWhileTheObservationStarts() {
		AtomicReference<String> current = new AtomicReference<>();
		AtomicReference<String> currentAtStart = new AtomicReference<>();
		OutboxTraceContext traceContext = new OutboxTraceContext() {

			@Override
			public String current() {
				return current.get();
			}

			@Override
			public Scope restore(String stored) {
				current.set(stored);
				return () -> current.set(null);
			}

		};
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStart(Observation.Context context) {
				currentAtStart.set(current.get());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		List<PendingEvent> events = List.of(row("00-trace-span-01"));
		observations(traceContext).start(events, this.messages.of(events));
		assertThat(currentAtStart).hasValue("00-trace-span-01");
		assertThat(current).as("restored only for the start").hasNullValue();
	}

	/** A handler that injects {@code fields} propagation fields, as a tracing handler would. */
	private void inject(int fields) {
		this.registry.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {

			@Override
			public void onStart(SenderContext<Object> context) {
				for (int i = 1; i <= fields; i++) {
					context.getSetter().set(context.getCarrier(), "field-" + i, "value");
				}
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof SenderContext;
			}

		});
	}

	private PublishObservations observations(OutboxTraceContext traceContext) {
		return new PublishObservations(this.registry, null, traceContext);
	}

	private static PendingEvent row(String traceContext) {
		return new PendingEvent(7, UUID.randomUUID(), "Order", "updated", "42", "shop-Order", "shop", "{}", 0,
				Instant.now(), Partitions.of("Order:42"), traceContext);
	}

}
