package dev.eventbus.retry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.Queues;
import dev.eventbus.test.Topics;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consumer failures on the real path: retries through the visibility timeout, the dead-letter
 * queue after max-receive-count, non-retryable exceptions, idempotent listeners and the
 * visibility heartbeat of slow handlers.
 */
@EnableFauxqs
@SpringBootTest(classes = RetryApplication.class,
		properties = { "spring.application.name=it-retry", "eventbus.publish.topic-prefix=it-retry-",
				"eventbus.provision.max-receive-count=3", "eventbus.provision.visibility-timeout=2s" })
@DirtiesContext
class ConsumerRetryIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	RetryApplication.Calls calls;

	@Autowired
	SqsAsyncClient sqs;

	@Autowired
	SnsClient sns;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void failingTwiceThenSucceedingIsCalledThreeTimesAndTheMessageIsGone() {
		UUID id = save();
		await().atMost(TIMEOUT).until(() -> this.calls.of("failsTwice", id) == 3);
		String queue = Queues.url(this.sqs, "it-retry-failsTwice");
		await().atMost(TIMEOUT).until(() -> Queues.depth(this.sqs, queue) == 0);
		assertThat(this.calls.of("failsTwice", id)).isEqualTo(3);
		assertThat(receiveAll(Queues.url(this.sqs, "it-retry-failsTwice-dlq"))).isEmpty();
	}

	@Test
	void alwaysFailingEndsInTheDeadLetterQueueAfterMaxReceiveCountDeliveries() {
		UUID id = save();
		Message dead = awaitDeadLetter("it-retry-alwaysFails-dlq", id);
		assertThat(dead.body()).contains(id.toString());
		assertThat(this.calls.of("alwaysFails", id)).isEqualTo(3);
	}

	@Test
	void nonRetryableExceptionSendsTheMessageToTheDeadLetterQueueAtOnce() {
		UUID id = save();
		Message dead = awaitDeadLetter("it-retry-rejects-dlq", id);
		assertThat(dead.messageAttributes().get("eventbus-error").stringValue())
			.contains("not retryable").contains("BadOrderException");
		String queue = Queues.url(this.sqs, "it-retry-rejects");
		await().atMost(TIMEOUT).until(() -> Queues.depth(this.sqs, queue) == 0);
		assertThat(this.calls.of("rejects", id)).isEqualTo(1);
	}

	@Test
	void duplicateDeliveryOfOneEventToAnIdempotentListenerCallsItOnce() throws Exception {
		UUID id = save();
		await().atMost(TIMEOUT).until(() -> this.calls.of("idempotent", id) == 1);
		Map<String, Object> row = this.jdbc
			.queryForMap("select event_id, body from eventbus_outbox where entity_id = ?", id.toString());
		String body = (String) row.get("body");
		String topicArn = Topics.arn(this.sns, "it-retry-RetryItem");
		String notification = "{\"Type\":\"Notification\",\"MessageId\":\"" + UUID.randomUUID() + "\",\"TopicArn\":\""
				+ topicArn + "\",\"Message\":" + new tools.jackson.databind.json.JsonMapper().writeValueAsString(body)
				+ "}";
		String queue = Queues.url(this.sqs, "it-retry-idempotent");
		this.sqs.sendMessage((r) -> r.queueUrl(queue).messageBody(notification)).join();
		this.sqs.sendMessage((r) -> r.queueUrl(queue).messageBody(notification)).join();
		await().atMost(TIMEOUT).until(() -> Queues.depth(this.sqs, queue) == 0);
		assertThat(this.calls.of("idempotent", id)).isEqualTo(1);
		String inboxRow = "select count(*) from eventbus_inbox where listener_id = ? and event_id = ?";
		assertThat(this.jdbc.queryForObject(inboxRow, Long.class, "idempotent", row.get("event_id")))
			.as("the inbox row of this event")
			.isOne();
	}

	@Test
	void aHandlerSlowerThanTheVisibilityTimeoutIsNotCalledTwice() throws InterruptedException {
		UUID id = save();
		await().atMost(TIMEOUT).until(() -> this.calls.of("slow", id) == 1);
		String queue = Queues.url(this.sqs, "it-retry-slow");
		await().atMost(TIMEOUT).until(() -> Queues.depth(this.sqs, queue) == 0);
		assertThat(this.calls.of("slow", id)).isEqualTo(1);
	}

	private Message awaitDeadLetter(String dlqName, UUID id) {
		String dlq = Queues.url(this.sqs, dlqName);
		List<Message> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
		return await().atMost(TIMEOUT).until(() -> {
			seen.addAll(receiveAll(dlq));
			return seen.stream().filter((message) -> message.body().contains(id.toString())).findFirst().orElse(null);
		}, java.util.Objects::nonNull);
	}

	private UUID save() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(new RetryItem(id, "item")));
		return id;
	}


	private List<Message> receiveAll(String queueUrl) {
		return this.sqs
			.receiveMessage((r) -> r.queueUrl(queueUrl)
				.maxNumberOfMessages(10)
				.waitTimeSeconds(1)
				.visibilityTimeout(1)
				.messageAttributeNames("All")
				.messageSystemAttributeNames(MessageSystemAttributeName.ALL))
			.join()
			.messages();
	}

}
