package dev.eventbus.test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import dev.eventbus.capture.CommittedEventsListener;
import dev.eventbus.observation.HandleContext;
import dev.eventbus.observation.HandleOutcome;
import dev.eventbus.outbox.OutboxEvent;
import dev.eventbus.transport.EventTransport;
import dev.eventbus.transport.OutgoingMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorder in a Spring test context without an {@code ObservationRegistry}: registered by
 * {@code eventbus-test}'s context customizer, told by the capture hook, the application's
 * transport (wrapped) and a registry of its own, and reset before each test method by its
 * test execution listener (the second test sees nothing of the first).
 */
@SpringJUnitConfig(RecorderTestContextTests.Beans.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecorderTestContextTests {

	@Autowired
	EventRecorder events;

	@Autowired
	Scenario scenario;

	@Autowired
	List<CommittedEventsListener> committed;

	@Autowired
	EventTransport transport;

	@Autowired
	ObservationRegistry observations;

	@Test
	@Order(1)
	void recordsWhatTheHooksReport() {
		UUID id = UUID.randomUUID();
		String body = Recordings.body(id, "Order", "created", "1", "{\"status\":\"NEW\"}");
		this.committed.forEach((listener) -> listener.committed(List.of(new OutboxEvent(id, "Order", "created", "1",
				"Order", "shop", body, java.time.Instant.now()))));
		UUID failed = UUID.randomUUID();
		this.transport.send(List.of(message(id, body),
				message(failed, Recordings.body(failed, "Order", "created", "2", "{}"))));
		HandleContext handle = new HandleContext(Map.of(), "billing-onOrder", "Order", "created", id.toString());
		Observation.createNotStarted("eventbus.handle", () -> handle, this.observations).start().stop();

		assertThat(this.events).contains("Order", "created").withEntityId(1).hasSize(1);
		assertThat(this.events.published()).contains("Order", "created").withEntityId(1);
		assertThat(this.events.published()).as("the transport reported it failed").hasSize(1);
		assertThat(this.events.handled()).byListener("billing-onOrder").withOutcome(HandleOutcome.SUCCESS).hasSize(1);
	}

	@Test
	@Order(2)
	void theNextTestStartsWithNothingRecorded() {
		assertThat(this.events).isEmpty();
		assertThat(this.events.published()).isEmpty();
		assertThat(this.events.handled()).isEmpty();
		assertThat(this.scenario).isNotNull();
	}

	private static OutgoingMessage message(UUID id, String body) {
		return new OutgoingMessage(id, new OutgoingMessage.Destination("Order", "Order"), "Order:1", body,
				Map.of("channel", "Order", "action", "created", "eventId", id.toString()));
	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		/** Accepts everything but the events of entity 2, as a broker that refuses some would. */
		@Bean
		EventTransport transport() {
			return (messages) -> {
				Map<UUID, String> failures = new java.util.HashMap<>();
				messages.stream()
					.filter((message) -> message.body().contains("\"entityId\":\"2\""))
					.forEach((message) -> failures.put(message.id(), "refused"));
				return failures;
			};
		}

	}

}
