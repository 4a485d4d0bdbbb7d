package dev.eventbus.it;

import java.util.List;

import software.amazon.awssdk.core.SdkClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.InMemoryEventBus;
import dev.eventbus.test.inmemory.InMemoryDeadLetter;
import dev.eventbus.test.inmemory.InMemoryDelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: the scenarios of {@link EndToEndScenarios} with in-memory delivery instead of SNS and
 * SQS, on PostgreSQL, with the same results as {@link EndToEndIntegrationTests}. No emulator runs
 * and no AWS client exists.
 */
@InMemoryEventBus
@SpringBootTest(classes = ItApplication.class, properties = { "spring.application.name=it-e2e",
		"eventbus.publish.topic-prefix=it-e2e-", "eventbus.outbox.poll-interval=1m" })
@DirtiesContext
class EndToEndInMemoryIntegrationTests extends EndToEndScenarios {

	@Autowired
	InMemoryDelivery delivery;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("it_e2e_memory");
		registry.add("spring.datasource.url", () -> url);
	}

	@Override
	String topic() {
		return "it-e2e-ItOrder";
	}

	@Override
	void awaitAllDelivered() {
		assertThat(this.context.getBeanNamesForType(SdkClient.class)).as("AWS clients").isEmpty();
		await().atMost(TIMEOUT).until(() -> this.delivery.inFlight() == 0);
	}

	@Override
	List<String> deadLetterReasons(String listener, String entityId) {
		return this.delivery.deadLetters("orderListeners-" + listener)
			.stream()
			.filter((letter) -> letter.body().contains(entityId))
			.map(InMemoryDeadLetter::reason)
			.toList();
	}

	@Override
	void assertNoDeadLetters(String listener) {
		assertThat(this.delivery.deadLetters("orderListeners-" + listener)).as("dead letters of %s", listener)
			.isEmpty();
	}

}
