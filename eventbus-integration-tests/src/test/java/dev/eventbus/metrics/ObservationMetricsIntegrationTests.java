package dev.eventbus.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.Queues;
import dev.eventbus.test.Topics;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, item 1, the message-path metrics on the real path (PostgreSQL, the emulator):
 * after three events the {@code eventbus.publish} timer counts three, {@code eventbus.handle}
 * counts each outcome, {@code eventbus.handle.lag} times each delivery, and
 * {@code eventbus.dead.lettered} counts by reason, including the last failed delivery that
 * eventbus moves to the dead-letter queue itself, with the reason attribute.
 */
@EnableFauxqs
@SpringBootTest(classes = MetricsApplication.class,
		properties = { "spring.application.name=it-metrics", "eventbus.publish.topic-prefix=it-metrics-",
				"eventbus.provision.max-receive-count=2", "eventbus.provision.visibility-timeout=2s" })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservationMetricsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	private static final int EVENTS = 3;

	@DynamicPropertySource
	static void schema(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("it_metrics");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	MeterRegistry meters;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	SqsAsyncClient sqs;

	@Autowired
	SnsClient sns;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@Order(1)
	void eventsCountOncePublishedAndOncePerOutcomeOfEachDelivery() throws Exception {
		List<UUID> ids = List.of(save(), save(), save());
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(handled("succeeds", "success")).isEqualTo(EVENTS);
			assertThat(handled("failsOnce", "success")).isEqualTo(EVENTS);
			assertThat(handled("rejects", "dead_lettered")).isEqualTo(EVENTS);
			assertThat(handled("alwaysFails", "dead_lettered")).isEqualTo(EVENTS);
			assertThat(handled("idempotent", "success")).isEqualTo(EVENTS);
		});
		assertThat(timer("eventbus.publish", "channel", "MeteredItem", "action", "created", "outcome", "success",
				"error", "none"))
			.as("one publish per event")
			.isEqualTo(EVENTS);
		assertThat(handled("failsOnce", "retried")).isEqualTo(EVENTS);
		assertThat(timer("eventbus.handle", "listener", "failsOnce", "outcome", "retried", "error",
				"IllegalStateException"))
			.isEqualTo(EVENTS);
		assertThat(handled("alwaysFails", "retried")).as("the first of two deliveries").isEqualTo(EVENTS);
		assertThat(timer("eventbus.handle.lag", "listener", "succeeds", "channel", "MeteredItem")).isEqualTo(EVENTS);
		// counted once SQS accepted the dead letter, which the error handler sends after the
		// handle observation has stopped with its outcome
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(deadLettered("rejects", "not_retryable", "RejectedException")).isEqualTo(EVENTS);
			assertThat(deadLettered("alwaysFails", "max_deliveries", "IllegalStateException")).isEqualTo(EVENTS);
		});
		List<Message> dead = drain("it-metrics-alwaysFails-dlq", EVENTS);
		assertThat(dead).hasSize(EVENTS)
			.allSatisfy((message) -> assertThat(message.messageAttributes().get("eventbus-error").stringValue())
				.startsWith("failed 2 of 2 deliveries: java.lang.IllegalStateException: always failing on purpose"));
		assertThat(ids).allSatisfy((id) -> assertThat(dead).anyMatch((message) -> message.body().contains(id.toString())));
	}

	@Test
	@Order(2)
	void aDuplicateSkippedByTheInboxAndAMalformedMessageAreCounted() throws Exception {
		UUID id = save();
		await().atMost(TIMEOUT).until(() -> this.jdbc.queryForObject(
				"select count(*) from eventbus_inbox where listener_id = 'idempotent' and event_id = "
						+ "(select event_id from eventbus_outbox where entity_id = ?)",
				Long.class, id.toString()) == 1);
		double skippedBefore = handled("idempotent", "duplicate_skipped");
		String body = this.jdbc.queryForObject("select body from eventbus_outbox where entity_id = ?", String.class,
				id.toString());
		String notification = "{\"Type\":\"Notification\",\"MessageId\":\"" + UUID.randomUUID() + "\",\"TopicArn\":\""
				+ Topics.arn(this.sns, "it-metrics-MeteredItem") + "\",\"Message\":"
				+ new JsonMapper().writeValueAsString(body) + "}";
		this.sqs.sendMessage((r) -> r.queueUrl(Queues.url(this.sqs, "it-metrics-idempotent")).messageBody(notification))
			.join();
		this.sqs.sendMessage((r) -> r.queueUrl(Queues.url(this.sqs, "it-metrics-succeeds")).messageBody("not json"))
			.join();
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(handled("idempotent", "duplicate_skipped")).isEqualTo(skippedBefore + 1);
			assertThat(deadLettered("succeeds", "malformed", "MalformedMessageException")).isEqualTo(1);
		});
	}

	private double handled(String listener, String outcome) {
		return timer("eventbus.handle", "listener", listener, "channel", "MeteredItem", "outcome", outcome);
	}

	private double timer(String name, String... tags) {
		return this.meters.find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum();
	}

	private double deadLettered(String listener, String reason, String error) {
		return this.meters.find("eventbus.dead.lettered")
			.tags("listener", listener, "reason", reason, "error", error)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private List<Message> drain(String queueName, int expected) {
		String url = Queues.url(this.sqs, queueName);
		List<Message> seen = new CopyOnWriteArrayList<>();
		await().atMost(TIMEOUT).until(() -> {
			this.sqs.receiveMessage((r) -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
				.messageAttributeNames("All"))
				.join()
				.messages()
				.forEach((message) -> {
					if (seen.stream().noneMatch((m) -> Objects.equals(m.messageId(), message.messageId()))) {
						seen.add(message);
					}
				});
			return seen.size() >= expected;
		});
		return seen;
	}

	private UUID save() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(new MeteredItem(id, "item")));
		return id;
	}

}
