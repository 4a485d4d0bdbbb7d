package dev.eventbus.it;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.Messages;
import dev.eventbus.it.OrderListeners.Call;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.Queues;
import dev.eventbus.test.Topics;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path on real components: JPA commit on PostgreSQL, outbox, relay, SNS and SQS in
 * the fauxqs emulator, listener methods. {@link EndToEndMotoIntegrationTests} runs the same tests
 * against moto.
 */
@EnableFauxqs
@SpringBootTest(classes = ItApplication.class,
		properties = { "spring.application.name=it-e2e", "eventbus.publish.topic-prefix=it-e2e-" })
@DirtiesContext
class EndToEndIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String ALL_ACTIONS = "{\"action\":[\"created\",\"updated\",\"deleted\"]}";

	private static final List<String> LISTENERS = List.of("envelope", "deletesOnly", "frame", "ordered");

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	Deliveries<Call> received;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SnsClient sns;

	@Autowired
	SqsAsyncClient sqs;

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
	void everyListenerOfAChannelReceivesEveryEventAndActionFilteringHappensInTheSubscription() {
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
		assertThat(this.received.matching(Call.of("deletesOnly", id.toString()))).hasSize(1);

		String topicArn = Topics.arn(this.sns, "it-e2e-ItOrder");
		Map<String, String> filterPolicies = new java.util.HashMap<>();
		for (Subscription subscription : this.sns.listSubscriptionsByTopic((r) -> r.topicArn(topicArn)).subscriptions()) {
			filterPolicies.put(subscription.endpoint().substring(subscription.endpoint().lastIndexOf(':') + 1),
					this.sns.getSubscriptionAttributes((r) -> r.subscriptionArn(subscription.subscriptionArn()))
						.attributes()
						.getOrDefault("FilterPolicy", ""));
		}
		assertThat(filterPolicies).containsEntry("it-e2e-orderListeners-deletesOnly", "{\"action\":[\"deleted\"]}")
			.containsEntry("it-e2e-orderListeners-envelope", ALL_ACTIONS)
			.containsEntry("it-e2e-orderListeners-frame", ALL_ACTIONS)
			.containsEntry("it-e2e-orderListeners-ordered", ALL_ACTIONS);
	}

	@Test
	void customActionPublishedOnTheTopicNeverReachesListenersThatDidNotNameItAndDoesNotHoldUpLaterEvents() {
		String topicArn = Topics.arn(this.sns, "it-e2e-ItOrder");
		UUID custom = UUID.randomUUID();
		String body = Messages.envelope(UUID.randomUUID(), "ItOrder", custom.toString(),
				Map.of("id", custom.toString(), "status", "ARCHIVED", "total", 1))
			.replace("\"action\":\"created\"", "\"action\":\"archived\"");
		assertThat(body).contains("\"action\":\"archived\"");
		this.sns.publish((r) -> r.topicArn(topicArn)
			.message(body)
			.messageAttributes(Map.of("action", stringAttribute("archived"), "channel", stringAttribute("ItOrder"))));
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
		for (String listener : LISTENERS) {
			String queue = "it-e2e-orderListeners-" + listener;
			// handled messages are deleted in batches: once the queue is empty, a custom event that had
			// reached it would be in the dead-letter queue as poison
			String url = Queues.url(this.sqs, queue);
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(Queues.depth(this.sqs, url)).as("messages in %s", queue).isZero());
			assertThat(Queues.depth(this.sqs, Queues.url(this.sqs, queue + "-dlq"))).as("dead letters of %s", queue)
				.isZero();
		}
	}

	@Test
	void listenerQueueHasDeadLetterQueueAndAPolicyThatAdmitsOnlyItsTopic() {
		String queueUrl = Queues.url(this.sqs, "it-e2e-orderListeners-envelope");
		Map<QueueAttributeName, String> attributes = this.sqs
			.getQueueAttributes((r) -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL))
			.join()
			.attributes();
		String topicArn = Topics.arn(this.sns, "it-e2e-ItOrder");
		// moto gives JSON attributes back with spaces after ':' and ','
		assertThat(attributes.get(QueueAttributeName.POLICY).replace(" ", ""))
			.contains("\"aws:SourceArn\":\"" + topicArn + "\"")
			.contains("\"Effect\":\"Allow\"")
			.contains("sqs:SendMessage")
			.contains(attributes.get(QueueAttributeName.QUEUE_ARN));
		assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY).replace(" ", ""))
			.contains("it-e2e-orderListeners-envelope-dlq")
			.contains("\"maxReceiveCount\":5}");
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

	private static MessageAttributeValue stringAttribute(String value) {
		return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> frameData(UUID id, int index) {
		return (Map<String, Object>) awaitCalls("frame", id, index + 1).get(index).payload();
	}

	private List<Call> awaitCalls(String listener, UUID id, int count) {
		await().atMost(TIMEOUT).until(() -> this.received.matching(Call.of(listener, id.toString())).size() >= count);
		return this.received.matching(Call.of(listener, id.toString()));
	}

}
