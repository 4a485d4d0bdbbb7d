package dev.eventbus.outcome;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.OutcomeFailure;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.outbox.OutboxEvent;
import dev.eventbus.test.EnableFauxqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, item 4: the outcome events of {@link dev.eventbus.PublishOutcome} methods on real
 * components (PostgreSQL, the outbox, SNS and SQS in the fauxqs emulator, listener methods). The
 * committed transactions are recorded with their events, so that each test can tell which events
 * were committed together with the method's work and which in a transaction of their own.
 */
@EnableFauxqs
@SpringBootTest(classes = OutcomeApplication.class,
		properties = { "spring.application.name=it-outcome", "eventbus.publish.topic-prefix=it-outcome-" })
@DirtiesContext
class OutcomeEventsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	ParcelService parcels;

	@Autowired
	Deliveries<Received> received;

	@Autowired
	Deliveries<List<OutboxEvent>> commits;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void successEventIsCommittedWithTheMethodsTransactionAndDelivered() {
		UUID id = UUID.randomUUID();
		assertThat(this.parcels.ship(id, "dhl")).isEqualTo(new ParcelView(id, "dhl", "SHIPPED"));

		Received shipped = awaitOne("frame", "shipped", id);
		assertThat(shipped.map()).isEqualTo(Map.of("id", id.toString(), "courier", "dhl", "status", "SHIPPED"));
		// one transaction committed the parcel row and the success event
		assertThat(commitOf(id, "shipped")).extracting(OutboxEvent::channel, OutboxEvent::action,
				OutboxEvent::entityId)
			.containsExactly(tuple("OutParcelRow", "created", id.toString()),
					tuple("OutParcel", "shipped", id.toString()));
		assertThat(parcelStatus(id)).containsExactly("SHIPPED");
	}

	@Test
	void successEventRollsBackWithTheCallersTransaction() {
		UUID rolledBack = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> {
			this.parcels.ship(rolledBack, "dhl");
			status.setRollbackOnly();
		});
		UUID barrier = UUID.randomUUID();
		this.parcels.ship(barrier, "ups");
		awaitOne("frame", "shipped", barrier);
		assertThat(this.received.matching((call) -> isAbout(call, rolledBack))).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from eventbus_outbox where entity_id = ?", Long.class,
				rolledBack.toString())).isZero();
		assertThat(parcelStatus(rolledBack)).isEmpty();
	}

	@Test
	void failureEventIsDeliveredAlthoughTheMethodsTransactionRolledBack() {
		UUID id = UUID.randomUUID();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.parcels.ship(id, "broken"))
			.withMessage("courier broken is out of service")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).isEmpty());

		Received failed = awaitOne("frame", "shipping-failed", id);
		assertThat(failed.map()).isEqualTo(Map.of("arguments", Map.of("id", id.toString(), "courier", "broken"),
				"exception", "java.lang.IllegalStateException", "message", "courier broken is out of service"));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.received.matching((call) -> call.listener().equals("failures")))
				.extracting(Received::data)
				.contains(new OutcomeFailure(Map.of("id", id.toString(), "courier", "broken"),
						"java.lang.IllegalStateException", "courier broken is out of service", null)));
		// the business change is gone; the failure event was committed on its own, after the rollback
		assertThat(parcelStatus(id)).isEmpty();
		assertThat(commitOf(id, "shipping-failed")).extracting(OutboxEvent::action).containsExactly("shipping-failed");
		assertThat(this.commits.matching((events) -> events.stream()
			.anyMatch((event) -> event.action().equals("created") && id.toString().equals(event.entityId()))))
			.isEmpty();
	}

	@Test
	void failureThatDoesNotRollBackCommitsTheWorkAndPublishesTheFailureAfterwards() {
		UUID id = UUID.randomUUID();
		assertThatExceptionOfType(ParcelDelayedException.class).isThrownBy(() -> this.parcels.deliver(id));

		Received delayed = awaitOne("frame", "delivery-delayed", id);
		assertThat(delayed.map()).containsEntry("message", "nobody at home")
			.containsEntry("exception", ParcelDelayedException.class.getName());
		assertThat(parcelStatus(id)).containsExactly("ATTEMPTED");
		assertThat(commitOf(id, "delivery-delayed")).extracting(OutboxEvent::action)
			.containsExactly("delivery-delayed");
		assertThat(this.received.matching((call) -> call.action().equals("delivered"))).isEmpty();
	}

	@Test
	void methodWithoutTransactionPublishesEachOutcomeInATransactionOfItsOwn() {
		UUID light = UUID.randomUUID();
		assertThat(this.parcels.weigh(light, 500)).isEqualTo(500);
		UUID weightless = UUID.randomUUID();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.parcels.weigh(weightless, 0));

		assertThat(awaitOne("frame", "weighed", light).map()).isEqualTo(Map.of("id", light.toString(), "grams", 500));
		assertThat(awaitOne("frame", "weighing-failed", weightless).map()).isEqualTo(Map.of("arguments",
				Map.of("id", weightless.toString(), "grams", 0), "exception", "java.lang.IllegalArgumentException", "message",
				"a parcel weighs at least 1 g, not 0"));
		assertThat(commitOf(light, "weighed")).hasSize(1);
		assertThat(commitOf(weightless, "weighing-failed")).hasSize(1);
		assertThat(this.jdbc.queryForObject("select count(*) from eventbus_outbox where entity_id in (?, ?)",
				Long.class, light.toString(), weightless.toString())).isEqualTo(2);
	}

	/** The one event of a listener with an action whose key is the id. */
	private Received awaitOne(String listener, String action, UUID id) {
		await().atMost(TIMEOUT).until(() -> this.received.matching((call) -> call.listener().equals(listener)
				&& call.action().equals(action) && isAbout(call, id)).size() == 1);
		return this.received
			.matching((call) -> call.listener().equals(listener) && call.action().equals(action) && isAbout(call, id))
			.get(0);
	}

	/** Whether a received event concerns an id: by the id in its payload or its failure arguments. */
	private static boolean isAbout(Received call, UUID id) {
		if (!(call.data() instanceof Map<?, ?> data)) {
			return call.data() instanceof OutcomeFailure failure && id.toString().equals(failure.arguments().get("id"));
		}
		Object arguments = data.get("arguments");
		Object value = (arguments instanceof Map<?, ?> map && map.containsKey("id")) ? map.get("id") : data.get("id");
		return id.toString().equals(value);
	}

	/** The events of the one committed transaction that wrote an event with this action and key. */
	private List<OutboxEvent> commitOf(UUID id, String action) {
		List<List<OutboxEvent>> commits = this.commits.matching((events) -> events.stream()
			.anyMatch((event) -> event.action().equals(action) && id.toString().equals(event.entityId())));
		assertThat(commits).hasSize(1);
		return commits.get(0);
	}

	private List<String> parcelStatus(UUID id) {
		return this.jdbc.queryForList("select status from outcome_parcel where id = ?", String.class, id);
	}

}
