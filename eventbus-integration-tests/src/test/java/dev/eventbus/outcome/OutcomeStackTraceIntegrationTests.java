package dev.eventbus.outcome;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import dev.eventbus.OutcomeFailure;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.test.EnableFauxqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, item 4: with {@code eventbus.outcome.include-stack-trace=true} the failure event
 * carries the stack trace (without it, {@link OutcomeEventsIntegrationTests} shows, it does not).
 */
@EnableFauxqs
@SpringBootTest(classes = OutcomeApplication.class,
		properties = { "spring.application.name=it-outcome-trace", "eventbus.publish.topic-prefix=it-outcome-trace-",
				"eventbus.outcome.include-stack-trace=true" })
@DirtiesContext
class OutcomeStackTraceIntegrationTests {

	@Autowired
	ParcelService parcels;

	@Autowired
	Deliveries<Received> received;

	@Test
	void failureEventCarriesTheStackTraceWhenConfigured() {
		UUID id = UUID.randomUUID();
		assertThatIllegalStateException().isThrownBy(() -> this.parcels.ship(id, "broken"));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.received.matching((call) -> call.data() instanceof OutcomeFailure failure
					&& id.toString().equals(failure.arguments().get("id"))).size() == 1);
		OutcomeFailure failure = (OutcomeFailure) this.received
			.matching((call) -> call.data() instanceof OutcomeFailure found
					&& id.toString().equals(found.arguments().get("id")))
			.get(0)
			.data();
		assertThat(failure.message()).isEqualTo("courier broken is out of service");
		assertThat(failure.stackTrace())
			.startsWith("java.lang.IllegalStateException: courier broken is out of service")
			.contains("at " + ParcelService.class.getName() + ".ship(ParcelService.java:");
	}

}
