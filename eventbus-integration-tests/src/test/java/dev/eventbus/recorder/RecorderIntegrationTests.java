package dev.eventbus.recorder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.Action;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.observation.HandleOutcome;
import dev.eventbus.recorder.RecorderApplication.OrderView;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.EventRecorder;
import dev.eventbus.test.RecordedEvent;
import dev.eventbus.test.RecordedHandling;
import dev.eventbus.test.Scenario;
import dev.eventbus.test.Stimulus;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 12, the recorder and scenarios on the real path: JPA commit on PostgreSQL, outbox,
 * relay, SNS and SQS in the fauxqs emulator, listener methods.
 */
@EnableFauxqs
@SpringBootTest(classes = RecorderApplication.class,
		properties = { "spring.application.name=it-recorder", "eventbus.publish.topic-prefix=it-recorder-" })
@DirtiesContext
class RecorderIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void schema(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("it_recorder");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	EventRecorder events;

	@Autowired
	Scenario scenario;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	Invoices invoices;

	@Test
	void capturedEventsCanBeAssertedAsSoonAsTheTransactionCommitted() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(new ShopOrder(id, "NEW", BigDecimal.TEN)));
		this.tx.executeWithoutResult((status) -> this.entityManager.find(ShopOrder.class, id).setStatus("PAID"));

		assertThat(this.events).hasSize(2)
			.contains("ShopOrder", Action.CREATED, OrderView.class)
			.withEntityId(id)
			.matching(OrderView::status, "NEW")
			.hasSize(1);
		assertThat(this.events).contains("ShopOrder", "updated", OrderView.class)
			.matching(OrderView::status, "PAID")
			.payloads()
			.containsExactly(new OrderView(id, "PAID", new BigDecimal("10.00")));
		assertThat(this.events).doesNotContain("ShopOrder", Action.DELETED);
	}

	@Test
	void aScenarioWaitsForThePublishedEventAndForEachListenerThatHandledIt() {
		UUID id = UUID.randomUUID();
		Stimulus<Void> placed = this.scenario
			.stimulate(() -> this.entityManager.persist(new ShopOrder(id, "NEW", new BigDecimal("12.50"))))
			.andWaitAtMost(TIMEOUT);

		RecordedEvent published = placed.andWaitForPublished("ShopOrder", Action.CREATED, OrderView.class)
			.withEntityId(id)
			.matching(OrderView::total, new BigDecimal("12.50"))
			.toArrive();
		assertThat(published.payload(OrderView.class)).isEqualTo(new OrderView(id, "NEW", new BigDecimal("12.50")));
		placed.andWaitForHandled("invoicing", "ShopOrder", Action.CREATED).toComplete();
		placed.andWaitForHandled("audit", "ShopOrder", Action.CREATED).toComplete();

		assertThat(this.events.handled()).byListener("invoicing").handled("ShopOrder", Action.CREATED)
			.hasSize(1)
			.allSucceeded();
		assertThat(this.events.handled()).byListener("audit").hasSize(1);
		assertThat(this.events.published()).hasSize(1);
	}

	@Test
	void aScenarioWaitsForTheStateAListenerChanged() {
		UUID id = UUID.randomUUID();
		this.scenario.stimulate(() -> this.entityManager.persist(new ShopOrder(id, "NEW", new BigDecimal("99.90"))))
			.andWaitAtMost(TIMEOUT)
			.andWaitForStateChange(() -> this.invoices.findByOrderId(id))
			.andVerify((invoice) -> assertThat(invoice.get().getAmount()).isEqualByComparingTo("99.90"));
	}

	@Test
	void aRedeliveredEventIsRecordedOncePerDeliveryWithItsOutcome() {
		UUID id = UUID.randomUUID();
		this.scenario.stimulate(() -> this.entityManager.persist(new ShopOrder(id, "FLAKY", BigDecimal.ONE)))
			.andWaitAtMost(TIMEOUT)
			.andWaitForHandled("flaky", "ShopOrder", Action.CREATED)
			.toComplete();

		assertThat(this.events.handled().byListener("flaky").list()).extracting(RecordedHandling::outcome)
			.containsExactly(HandleOutcome.RETRIED, HandleOutcome.SUCCESS);
		assertThat(this.events.handled().byListener("flaky").list().get(0).error())
			.hasMessage("failing the first delivery on purpose");
	}

	@Test
	void aRolledBackTransactionRecordsNothing() {
		UUID rolledBack = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> {
			this.entityManager.persist(new ShopOrder(rolledBack, "NEW", BigDecimal.ONE));
			this.entityManager.flush();
			status.setRollbackOnly();
		});
		assertThat(this.events).isEmpty();

		// a barrier: once this later order was published and handled, the rolled-back one would have been too
		UUID barrier = UUID.randomUUID();
		this.scenario.stimulate(() -> this.entityManager.persist(new ShopOrder(barrier, "NEW", BigDecimal.ONE)))
			.andWaitAtMost(TIMEOUT)
			.andWaitForHandled("audit", "ShopOrder", Action.CREATED)
			.toComplete();
		assertThat(this.events.published()).hasSize(1).contains("ShopOrder", Action.CREATED).withEntityId(barrier);
		assertThat(this.events.handled()).byListener("audit").hasSize(1);
		assertThat(this.events.handled().list()).extracting(RecordedHandling::eventId)
			.containsOnly(this.events.published().list().get(0).eventId().toString());
	}

	@Test
	void aScenarioThatTimesOutListsWhatDidArrive() {
		UUID id = UUID.randomUUID();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.scenario
				.stimulate(() -> this.entityManager.persist(new ShopOrder(id, "NEW", BigDecimal.ONE)))
				.andWaitAtMost(Duration.ofSeconds(3))
				.andWaitForPublished("ShopOrder", Action.CREATED, OrderView.class)
				.matching(OrderView::status, "SHIPPED")
				.toArrive())
			.withMessageStartingWith("Expecting an event 'ShopOrder' created whose payload gives \"SHIPPED\" to be "
					+ "published within PT3S of the stimulus, but none was; since the stimulus: ")
			.withMessageContaining("captured events (1):" + System.lineSeparator() + "  1. ShopOrder created (entity "
					+ id + ") {\"id\":\"" + id + "\",\"status\":\"NEW\",\"total\":1}")
			.withMessageContaining("published events (1):" + System.lineSeparator() + "  1. ShopOrder created (entity "
					+ id + ")");
	}

}
