package dev.eventbus.test;

import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import dev.eventbus.observation.HandleContext;
import dev.eventbus.observation.HandleOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the application's own {@code ObservationRegistry} the recorder adds its handler to it
 * (and registers none of its own).
 */
@SpringJUnitConfig(RecorderObservationRegistryTests.Beans.class)
class RecorderObservationRegistryTests {

	@Autowired
	EventRecorder events;

	@Autowired
	Map<String, ObservationRegistry> registries;

	@Test
	void recordsHandlingThroughTheApplicationsRegistry() {
		assertThat(this.registries).containsOnlyKeys("applicationRegistry");
		HandleContext handle = new HandleContext(Map.of(), "billing-onOrder", "Order", "created", "e1");
		handle.setOutcome(HandleOutcome.DEAD_LETTERED);
		Observation observation = Observation.createNotStarted("eventbus.handle", () -> handle,
				this.registries.get("applicationRegistry"));
		observation.start();
		observation.error(new IllegalArgumentException("bad order"));
		observation.stop();
		assertThat(this.events.handled()).byListener("billing-onOrder").withOutcome(HandleOutcome.DEAD_LETTERED)
			.hasSize(1);
		assertThat(this.events.handled().list().get(0).error()).hasMessage("bad order");
	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		ObservationRegistry applicationRegistry() {
			return ObservationRegistry.create();
		}

	}

}
