package dev.eventbus.it;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.Messages;
import dev.eventbus.it.OrderListeners.Call;
import dev.eventbus.transport.EventTransport;
import dev.eventbus.transport.OutgoingMessage;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The end-to-end scenarios, one set run two ways: through SNS and SQS in an emulator
 * ({@link EndToEndIntegrationTests}, and on moto {@link EndToEndMotoIntegrationTests}) and with
 * in-memory delivery ({@link EndToEndInMemoryIntegrationTests}), on PostgreSQL, from the JPA commit
 * through the outbox and the relay to the listener methods. Each scenario asserts the same results
 * both ways; where the mechanism differs (SNS filter policies or the in-memory filter, an SQS
 * dead-letter queue or the in-memory list) the subclass answers the few questions below.
 */
abstract class EndToEndScenarios {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** The listeners that bind every built-in action; none of them ever dead-letters in these scenarios. */
	static final List<String> LISTENERS = List.of("envelope", "deletesOnly", "frame", "ordered", "once");

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	Deliveries<Call> received;

	@Autowired
	JdbcTemplate jdbc;

	/** The relay's transport: SNS, or in-memory delivery. */
	@Autowired
	EventTransport transport;

	/**
	 * Waits until every listener has handled, skipped or dead-lettered every event sent to it.
	 */
	abstract void awaitAllDelivered();

	/**
	 * The reasons of the dead letters of one listener about one entity (the {@code eventbus-error}
	 * attribute, or the in-memory dead letter's reason), as far as they have arrived.
	 * @param listener the method name in {@link OrderListeners}
	 * @param entityId the entity id
	 * @return the reasons
	 */
	abstract List<String> deadLetterReasons(String listener, String entityId);

	/**
	 * Asserts that a listener has no dead letters at all.
	 * @param listener the method name in {@link OrderListeners}
	 */
	abstract void assertNoDeadLetters(String listener);

	@Test
	void createUpdateAndDeleteReachTheListenerWithActionIdAndPayload() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> {
			Customer customer = new Customer(System.nanoTime(), "Ada");
			this.entityManager.persist(customer);
			PurchaseOrder order = new PurchaseOrder(id, "NEW", new BigDecimal("42.50"));
			order.setAddress(new Address("Main St 1", "Springfield"));
			order.setCustomer(customer);
			order.getItems().add("book");
			order.setSecret("s3cr3t");
			this.entityManager.persist(order);
		});
		List<Call> created = awaitCalls("envelope", id, 1);
		assertThat(created.get(0).action()).isEqualTo(Action.CREATED);
		assertThat(created.get(0).channel()).isEqualTo("ItOrder");
		assertThat(created.get(0).payload()).isEqualTo(new OrderView(id, "NEW", new BigDecimal("42.50")));
		Map<String, Object> data = frameData(id, 0);
		assertThat(data).containsEntry("status", "NEW")
			.containsEntry("address", Map.of("street", "Main St 1", "city", "Springfield"))
			.containsKey("customer")
			.containsEntry("version", 0)
			.doesNotContainKeys("items", "secret");
		assertThat(data.get("customer")).isInstanceOf(Number.class);

		this.tx.executeWithoutResult((status) -> {
			PurchaseOrder order = this.entityManager.find(PurchaseOrder.class, id);
			order.setStatus("PAID");
			order.setTotal(new BigDecimal("40.00"));
			order.setSecret("changed");
		});
		List<Call> updated = awaitCalls("envelope", id, 2);
		assertThat(updated.get(1).action()).isEqualTo(Action.UPDATED);
		assertThat(updated.get(1).payload()).isEqualTo(new OrderView(id, "PAID", new BigDecimal("40.00")));
		assertThat(updated.get(1).changes()).containsOnlyKeys("status", "total");
		assertThat(updated.get(1).changes().get("status")).isEqualTo(new EntityEvent.Change("NEW", "PAID"));
		assertThat(((Number) updated.get(1).changes().get("total").oldValue()).doubleValue()).isEqualTo(42.5);
		assertThat(((Number) updated.get(1).changes().get("total").newValue()).doubleValue()).isEqualTo(40.0);

		this.tx.executeWithoutResult(
				(status) -> this.entityManager.remove(this.entityManager.find(PurchaseOrder.class, id)));
		List<Call> deleted = awaitCalls("envelope", id, 3);
		assertThat(deleted.get(2).action()).isEqualTo(Action.DELETED);
		assertThat(deleted.get(2).payload()).isEqualTo(new OrderView(id, "PAID", new BigDecimal("40.00")));
	}

	@Test
	void rolledBackTransactionPublishesNothing() {
		UUID rolledBack = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> {
			this.entityManager.persist(new PurchaseOrder(rolledBack, "NEW", BigDecimal.ONE));
			this.entityManager.flush();
			status.setRollbackOnly();
		});
		UUID committed = UUID.randomUUID();
		this.tx.executeWithoutResult(
				(status) -> this.entityManager.persist(new PurchaseOrder(committed, "NEW", BigDecimal.TEN)));
		awaitCalls("envelope", committed, 1);
		awaitCalls("frame", committed, 1);
		assertThat(this.jdbc.queryForObject("select count(*) from eventbus_outbox where entity_id = ?", Long.class,
				rolledBack.toString())).isZero();
		assertThat(this.received.matching((call) -> call.entityId().equals(rolledBack.toString()))).isEmpty();
	}

	@Test
	void everyListenerOfAChannelReceivesEveryEventAndAListenerThatNamesActionsOnlyThose() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult(
				(status) -> this.entityManager.persist(new PurchaseOrder(id, "NEW", new BigDecimal("1.00"))));
		this.tx.executeWithoutResult((status) -> this.entityManager.find(PurchaseOrder.class, id).setStatus("PAID"));
		this.tx.executeWithoutResult(
				(status) -> this.entityManager.remove(this.entityManager.find(PurchaseOrder.class, id)));

		assertThat(awaitCalls("envelope", id, 3)).extracting(Call::action)
			.containsExactlyInAnyOrder(Action.CREATED, Action.UPDATED, Action.DELETED);
		List<Call> frame = awaitCalls("frame", id, 3);
		assertThat(frame).extracting(Call::action)
			.containsExactlyInAnyOrder(Action.CREATED, Action.UPDATED, Action.DELETED);
		assertThat(frame).extracting(Call::channel).containsOnly("ItOrder");
		List<Call> deletes = awaitCalls("deletesOnly", id, 1);
		assertThat(deletes.get(0).payload()).isEqualTo(new OrderView(id, "PAID", new BigDecimal("1.00")));
		// the other listeners have seen all three events, so the filtered one has had its chance too
		awaitCalls("ordered", id, 3);
		awaitAllDelivered();
		assertThat(this.received.matching(Call.of("deletesOnly", id.toString()))).hasSize(1);
	}

	@Test
	void customActionPublishedOnTheTopicNeverReachesListenersThatDidNotNameItAndDoesNotHoldUpLaterEvents() {
		UUID custom = UUID.randomUUID();
		String body = Messages.envelope(UUID.randomUUID(), "ItOrder", custom.toString(),
				Map.of("id", custom.toString(), "status", "ARCHIVED", "total", 1))
			.replace("\"action\":\"created\"", "\"action\":\"archived\"");
		assertThat(body).contains("\"action\":\"archived\"");
		// through the relay's transport, as another publisher's relay would send it
		assertThat(this.transport.send(List.of(new OutgoingMessage(UUID.randomUUID(),
				new OutgoingMessage.Destination("ItOrder", topic()), "ItOrder:" + custom, body,
				Map.of("channel", "ItOrder", "action", "archived"))))).isEmpty();
		UUID barrier = UUID.randomUUID();
		// two transactions: in one, created and deleted fold into nothing (issue 11)
		this.tx.executeWithoutResult(
				(status) -> this.entityManager.persist(new PurchaseOrder(barrier, "NEW", BigDecimal.ONE)));
		this.tx.executeWithoutResult(
				(status) -> this.entityManager.remove(this.entityManager.find(PurchaseOrder.class, barrier)));

		awaitCalls("envelope", barrier, 2);
		awaitCalls("frame", barrier, 2);
		awaitCalls("ordered", barrier, 2);
		awaitCalls("deletesOnly", barrier, 1);
		assertThat(this.received.matching((call) -> call.entityId().equals(custom.toString()))).isEmpty();
		// once everything sent was handled, a custom event that had reached a listener would be a dead letter
		awaitAllDelivered();
		for (String listener : LISTENERS) {
			assertNoDeadLetters(listener);
		}
		assertThat(deadLetterReasons("strict", custom.toString())).isEmpty();
	}

	@Test
	void eventsOfOneEntityArriveInCommitOrder() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(new PurchaseOrder(id, "S0", BigDecimal.ONE)));
		for (int i = 1; i <= 9; i++) {
			String next = "S" + i;
			this.tx.executeWithoutResult((status) -> this.entityManager.find(PurchaseOrder.class, id).setStatus(next));
		}
		List<Call> calls = awaitCalls("ordered", id, 10);
		assertThat(calls).extracting((call) -> (Object) ((Map<?, ?>) call.payload()).get("status"))
			.containsExactly("S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9");
		assertThat(calls.get(0).action()).isEqualTo(Action.CREATED);
	}

	@Test
	void eventThatDoesNotConvertToTheListenersTypeIsDeadLetteredWithTheReasonAndOthersStillHandleIt() {
		UUID lost = UUID.randomUUID();
		this.tx.executeWithoutResult(
				(status) -> this.entityManager.persist(new PurchaseOrder(lost, "LOST", BigDecimal.ONE)));
		UUID known = UUID.randomUUID();
		this.tx.executeWithoutResult(
				(status) -> this.entityManager.persist(new PurchaseOrder(known, "NEW", BigDecimal.ONE)));

		await().atMost(TIMEOUT).until(() -> !deadLetterReasons("strict", lost.toString()).isEmpty());
		assertThat(deadLetterReasons("strict", lost.toString())).singleElement()
			.asString()
			.startsWith("payload does not convert to ")
			.contains(StrictOrderView.class.getName())
			.contains("LOST");
		// the event is poison to one listener only
		awaitCalls("envelope", lost, 1);
		awaitCalls("strict", known, 1);
		assertThat(this.received.matching(Call.of("strict", lost.toString()))).isEmpty();
		assertThat(deadLetterReasons("strict", known.toString())).isEmpty();
	}

	@Test
	void idempotentListenerSkipsAnEventDeliveredAgainAndTheOthersGetItTwice() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult(
				(status) -> this.entityManager.persist(new PurchaseOrder(id, "NEW", BigDecimal.ONE)));
		awaitCalls("envelope", id, 1);
		awaitCalls("once", id, 1);
		// the relay sends the event again, as after a crash between the send and marking it published
		OutgoingMessage again = this.jdbc.queryForObject(
				"select event_id, channel, action, topic, ordering_key, body from eventbus_outbox where entity_id = ?",
				(row, n) -> new OutgoingMessage(UUID.fromString(row.getString("event_id")),
						new OutgoingMessage.Destination(row.getString("channel"), row.getString("topic")),
						row.getString("ordering_key"), row.getString("body"),
						Map.of("channel", row.getString("channel"), "action", row.getString("action"), "eventId",
								row.getString("event_id"))),
				id.toString());
		assertThat(this.transport.send(List.of(again))).isEmpty();

		awaitCalls("envelope", id, 2);
		awaitAllDelivered();
		assertThat(this.received.matching(Call.of("once", id.toString()))).hasSize(1);
		assertThat(this.jdbc.queryForObject("select count(*) from eventbus_inbox where event_id = ?", Long.class,
				again.id())).isOne();
	}

	/** The topic name of the ItOrder channel (prefix + channel). */
	abstract String topic();

	@SuppressWarnings("unchecked")
	private Map<String, Object> frameData(UUID id, int index) {
		return (Map<String, Object>) awaitCalls("frame", id, index + 1).get(index).payload();
	}

	List<Call> awaitCalls(String listener, UUID id, int count) {
		await().atMost(TIMEOUT).until(() -> this.received.matching(Call.of(listener, id.toString())).size() >= count);
		return this.received.matching(Call.of(listener, id.toString()));
	}

}
