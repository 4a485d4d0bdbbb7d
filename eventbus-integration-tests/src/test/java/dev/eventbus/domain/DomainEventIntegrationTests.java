package dev.eventbus.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.EntityEvent;
import dev.eventbus.NoActiveTransactionException;
import dev.eventbus.actuate.EventBusEndpoint;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.Messages;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.Queues;
import dev.eventbus.test.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, items 2 and 3 on real components (PostgreSQL, the outbox, SNS and SQS in the fauxqs
 * emulator): {@code @PublishedEvent} objects published with Spring's
 * {@code ApplicationEventPublisher} or registered by a Spring Data aggregate go through the
 * outbox, and listeners receive custom actions they name, filtered in their subscription.
 * {@link DomainEventMotoIntegrationTests} runs the same tests on moto.
 */
@EnableFauxqs
@SpringBootTest(classes = DomainApplication.class,
		properties = { "spring.application.name=it-dom", "eventbus.publish.topic-prefix=it-dom-",
				"management.endpoints.web.exposure.include=eventbus" })
@DirtiesContext
class DomainEventIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	DomOrderRepository orders;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Deliveries<Received> received;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SnsClient sns;

	@Autowired
	SqsAsyncClient sqs;

	@Autowired
	EventBusEndpoint endpoint;

	@Test
	void markedEventPublishedWithApplicationEventPublisherReachesTheQueueAndInProcessListeners() {
		InvoiceIssued invoice = new InvoiceIssued(UUID.randomUUID(), "Ada", new BigDecimal("99.90"));
		this.tx.executeWithoutResult((status) -> this.publisher.publishEvent(invoice));

		assertThat(awaitOne("issued", invoice.invoiceId().toString()).payload()).isEqualTo(invoice);
		assertThat(awaitOne("inProcess", invoice.invoiceId().toString()).payload()).isEqualTo(invoice);
		assertThat(this.jdbc.queryForMap("select channel, action, body from eventbus_outbox where entity_id = ?",
				invoice.invoiceId().toString()))
			.containsEntry("channel", "DomInvoice")
			.containsEntry("action", "issued")
			.hasEntrySatisfying("body", (body) -> assertThat((String) body).contains("\"entityType\":\"InvoiceIssued\"")
				.doesNotContain("changes")
				.doesNotContain("entityVersion"));
	}

	@Test
	void markedEventOfARolledBackTransactionIsNotPublished() {
		InvoiceIssued rolledBack = new InvoiceIssued(UUID.randomUUID(), "Bob", BigDecimal.ONE);
		this.tx.executeWithoutResult((status) -> {
			this.publisher.publishEvent(rolledBack);
			status.setRollbackOnly();
		});
		InvoiceIssued barrier = new InvoiceIssued(UUID.randomUUID(), "Cy", BigDecimal.TEN);
		this.tx.executeWithoutResult((status) -> this.publisher.publishEvent(barrier));
		awaitOne("issued", barrier.invoiceId().toString());
		assertThat(outboxRows(rolledBack.invoiceId().toString())).isZero();
		assertThat(this.received.matching(Received.by("issued").and((r) -> rolledBack.invoiceId().toString().equals(r.key()))))
			.isEmpty();
	}

	@Test
	void markedEventPublishedOutsideTransactionFailsThePublisher() {
		InvoiceIssued invoice = new InvoiceIssued(UUID.randomUUID(), "Dee", BigDecimal.ONE);
		assertThatExceptionOfType(NoActiveTransactionException.class)
			.isThrownBy(() -> this.publisher.publishEvent(invoice))
			.withMessageContaining("'issued' of channel 'DomInvoice'");
		assertThat(outboxRows(invoice.invoiceId().toString())).isZero();
	}

	@Test
	void markedEventWhoseKeyPropertyIsMissingIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tx.executeWithoutResult((status) -> this.publisher.publishEvent(new Unkeyed("x"))))
			.withMessageContaining("names key = \"noteId\", and this event has no such property (it has [note])");
	}

	@Test
	void eventsAnAggregateRegistersAreDeliveredWithItsEntityEvent() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> this.orders.save(new DomOrder(id).ship("ACME")));

		EntityEvent<?> shipped = (EntityEvent<?>) awaitOne("shipped", id.toString()).payload();
		assertThat(shipped.actionName()).isEqualTo("shipped");
		assertThat(shipped.isEntityAction()).isFalse();
		assertThat(shipped.payload()).isEqualTo(new OrderShipped(id, "ACME"));
		assertThat(shipped.entityType()).isEqualTo("OrderShipped");
		assertThatIllegalStateException().isThrownBy(shipped::action).withMessageContaining("actionName()");
		assertThat(awaitOne("orders", id.toString()).action()).isEqualTo("created");
	}

	@Test
	void aggregateSavedWithoutATransactionOfTheCallerPublishesInTheRepositorysTransaction() {
		UUID id = UUID.randomUUID();
		this.orders.save(new DomOrder(id).ship("Post"));
		awaitOne("shipped", id.toString());
	}

	@Test
	void customActionReachesOnlyListenersThatNameItAndTheFilterPolicySaysSo() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> this.orders.save(new DomOrder(id).ship("ACME")));
		awaitOne("shipped", id.toString());
		List<Received> frame = await().atMost(TIMEOUT)
			.until(() -> this.received.matching(Received.by("frame").and((r) -> id.toString().equals(r.key()))),
					(calls) -> calls.size() >= 2);
		assertThat(frame).extracting(Received::action).containsExactlyInAnyOrder("created", "shipped");
		assertThat(frame).extracting(Received::channel).containsOnly("DomOrder");

		// the entity listener has had the created event; the shipped one, published with it, was filtered out
		awaitOne("orders", id.toString());
		String queue = Queues.url(this.sqs, "it-dom-domainListeners-orders");
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(Queues.depth(this.sqs, queue)).isZero());
		assertThat(Queues.depth(this.sqs, Queues.url(this.sqs, "it-dom-domainListeners-orders-dlq"))).isZero();
		assertThat(this.received.matching(Received.by("orders").and((r) -> id.toString().equals(r.key()))))
			.extracting(Received::action)
			.containsExactly("created");

		assertThat(filterPolicies("it-dom-DomOrder"))
			.containsEntry("it-dom-domainListeners-orders", "{\"action\":[\"created\",\"updated\",\"deleted\"]}")
			.containsEntry("it-dom-domainListeners-shipped", "{\"action\":[\"shipped\"]}")
			.containsEntry("it-dom-domainListeners-frame", "{\"action\":[\"created\",\"shipped\"]}");
		assertThat(filterPolicies("it-dom-DomInvoice")).containsEntry("it-dom-domainListeners-issued",
				"{\"action\":[\"issued\"]}");
	}

	@Test
	void actuatorListsTheCustomActionsOfEachListener() {
		Map<String, List<String>> actions = new HashMap<>();
		this.endpoint.overview().listeners().forEach((listener) -> actions.put(listener.id(), listener.actions()));
		assertThat(actions).containsEntry("domainListeners-shipped", List.of("shipped"))
			.containsEntry("domainListeners-frame", List.of("created", "shipped"))
			.containsEntry("domainListeners-issued", List.of("issued"))
			.containsEntry("domainListeners-orders", List.of());
	}

	@Test
	void customActionThatComesAroundTheFilterPolicyIsPoisonForAListenerThatDoesNotNameIt() {
		UUID id = UUID.randomUUID();
		String envelope = Messages.envelope(UUID.randomUUID(), "DomOrder", id.toString(),
				Map.of("orderId", id.toString(), "carrier", "Sneaky"))
			.replace("\"action\":\"created\"", "\"action\":\"shipped\"");
		String body = Messages.snsNotification(Topics.arn(this.sns, "it-dom-DomOrder"), envelope);
		this.sqs.sendMessage((r) -> r.queueUrl(Queues.url(this.sqs, "it-dom-domainListeners-orders")).messageBody(body))
			.join();

		Map<String, Messages.DeadLetter> dead = Messages.drain(this.sqs, "it-dom-domainListeners-orders-dlq", 1,
				TIMEOUT);
		assertThat(dead.values()).extracting(Messages.DeadLetter::error)
			.containsExactly("unknown action 'shipped' (this listener knows created, updated, deleted)");
		assertThat(this.received.matching(Received.by("orders").and((r) -> id.toString().equals(r.key())))).isEmpty();
	}

	/** The filter policy of each subscription of a topic, by queue name, as SNS gives it back. */
	private Map<String, String> filterPolicies(String topicName) {
		String topicArn = Topics.arn(this.sns, topicName);
		Map<String, String> policies = new HashMap<>();
		for (Subscription subscription : this.sns.listSubscriptionsByTopic((r) -> r.topicArn(topicArn)).subscriptions()) {
			policies.put(subscription.endpoint().substring(subscription.endpoint().lastIndexOf(':') + 1),
					this.sns.getSubscriptionAttributes((r) -> r.subscriptionArn(subscription.subscriptionArn()))
						.attributes()
						.getOrDefault("FilterPolicy", "")
						.replace(" ", ""));
		}
		return policies;
	}

	private long outboxRows(String key) {
		return this.jdbc.queryForObject("select count(*) from eventbus_outbox where entity_id = ?", Long.class, key);
	}

	private Received awaitOne(String listener, String key) {
		List<Received> calls = await().atMost(TIMEOUT)
			.until(() -> this.received.matching(Received.by(listener).and((r) -> key.equals(r.key()))),
					(list) -> !list.isEmpty());
		assertThat(calls).hasSize(1);
		return calls.get(0);
	}

}
