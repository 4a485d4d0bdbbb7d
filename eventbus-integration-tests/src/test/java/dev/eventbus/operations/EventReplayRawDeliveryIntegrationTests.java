package dev.eventbus.operations;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replays of {@link EventReplayIntegrationTests} with raw delivery: the replayed message is the
 * bare envelope with the event's attributes as SQS message attributes, which the listeners accept.
 */
@SpringBootTest(classes = OperationsApplication.class, properties = { "spring.application.name=it-replay-raw",
		"eventbus.publish.topic-prefix=it-replay-raw-", "eventbus.consume.raw-delivery=true" })
class EventReplayRawDeliveryIntegrationTests extends EventReplayIntegrationTests {

	@Test
	void theListenersUseRawDelivery() {
		assertThat(this.listeners.listeners()).isNotEmpty().allSatisfy((listener) -> assertThat(listener.rawDelivery()).isTrue());
	}

}
