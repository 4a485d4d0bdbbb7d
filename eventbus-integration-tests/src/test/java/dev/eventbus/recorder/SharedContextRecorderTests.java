package dev.eventbus.recorder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.Action;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.EventRecorder;
import dev.eventbus.test.Scenario;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, the failure Spring Modulith users report in its #1513: two test classes
 * ({@link SharedContextFirstIntegrationTests}, {@link SharedContextSecondIntegrationTests})
 * with the same configuration share one cached context, and each sees only its own events.
 * Each test also leaves an order behind whose publishing and handling happen while the next
 * test runs; the recorder does not show them to it. No {@code @DirtiesContext}: the context
 * stays cached for the rest of the JVM, on a schema of its own (so its relay never reads
 * another test's outbox) and with topics and queues of its own prefix.
 */
@EnableFauxqs
@SpringBootTest(classes = RecorderApplication.class,
		properties = { "spring.application.name=it-recorder-shared", "eventbus.publish.topic-prefix=it-recshared-" })
abstract class SharedContextRecorderTests {

	private static final AtomicReference<ApplicationContext> CONTEXT = new AtomicReference<>();

	@DynamicPropertySource
	static void schema(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("it_recorder_shared");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	EventRecorder events;

	@Autowired
	Scenario scenario;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Test
	void seesOnlyTheEventsOfItsOwnTest() {
		ApplicationContext first = CONTEXT.compareAndExchange(null, this.context);
		if (first != null) {
			assertThat(this.context).as("the other class's cached context").isSameAs(first);
		}
		UUID id = UUID.randomUUID();
		this.scenario.stimulate(() -> this.entityManager.persist(new ShopOrder(id, "NEW", BigDecimal.ONE)))
			.andWaitAtMost(Duration.ofSeconds(30))
			.andWaitForHandled("audit", "ShopOrder", Action.CREATED)
			.toComplete();

		assertThat(this.events).hasSize(1).contains("ShopOrder", Action.CREATED).withEntityId(id);
		assertThat(this.events.published()).hasSize(1).contains("ShopOrder", Action.CREATED).withEntityId(id);
		assertThat(this.events.handled()).byListener("audit").hasSize(1);
		assertThat(this.events.handled().list()).extracting((handling) -> handling.eventId())
			.containsOnly(this.events.published().list().get(0).eventId().toString());

		// left behind: relayed and handled while the next test (of this class or the other) runs
		this.tx.executeWithoutResult(
				(status) -> this.entityManager.persist(new ShopOrder(UUID.randomUUID(), "LEFT", BigDecimal.ONE)));
	}

}
