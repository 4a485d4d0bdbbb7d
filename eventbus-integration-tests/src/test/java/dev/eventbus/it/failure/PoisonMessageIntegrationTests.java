package dev.eventbus.it.failure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.Delivery;
import dev.eventbus.failure.Messages;
import dev.eventbus.failure.Messages.DeadLetter;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.poison.Gadget;
import dev.eventbus.failure.poison.Item;
import dev.eventbus.failure.poison.PoisonApp;
import dev.eventbus.failure.poison.PoisonListeners;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.Queues;
import dev.eventbus.test.Topics;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3, poison messages and spoofing: a message that cannot be read goes to the listener's
 * dead-letter queue at once, with the reason in the {@code eventbus-error} attribute and one
 * WARN, and never holds up the good events around it.
 */
@EnableFauxqs
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = PoisonApp.class,
		properties = { "spring.application.name=fx-poison", "eventbus.publish.topic-prefix=fx-poison-",
				"spring.main.banner-mode=off" })
@DirtiesContext
class PoisonMessageIntegrationTests {

	private static final String ITEM_QUEUE = "fx-poison-poisonListeners-items";

	private static final String GADGET_QUEUE = "fx-poison-poisonListeners-gadgets";

	private static final String LIMITS_QUEUE = "fx-poison-poisonListeners-limits";

	private static final String STRANDED_QUEUE = "fx-poison-poisonListeners-stranded";

	private static final int GOOD = 2_000;

	private static final int PER_TRANSACTION = 100;

	private static final int POISON = 100;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("fx_poison");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	PoisonListeners listeners;

	@Autowired
	SqsAsyncClient sqs;

	@Autowired
	SnsClient sns;

	@Test
	void poisonMessagesGoToTheDeadLetterQueueWithTheReasonAndGoodEventsAroundThemAreAllHandled(
			CapturedOutput output) {
		String queueUrl = Queues.url(this.sqs, ITEM_QUEUE);
		String itemTopic = Topics.arn(this.sns, "fx-poison-Item");
		Map<String, String> poison = new HashMap<>(); // body -> expected reason fragment
		int perRound = POISON / (GOOD / PER_TRANSACTION);
		for (int round = 0; round < GOOD / PER_TRANSACTION; round++) {
			long first = (long) round * PER_TRANSACTION + 1;
			this.tx.executeWithoutResult((status) -> {
				for (long id = first; id < first + PER_TRANSACTION; id++) {
					this.entityManager.persist(new Item(id, (int) id, "item-" + id));
				}
			});
			List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
			for (int i = 0; i < perRound; i++) {
				int k = round * perRound + i;
				String[] message = poison(k, itemTopic);
				poison.put(message[0], message[1]);
				entries.add(SendMessageBatchRequestEntry.builder().id("p" + i).messageBody(message[0]).build());
			}
			SendMessageBatchResponse sent = this.sqs
				.sendMessageBatch((r) -> r.queueUrl(queueUrl).entries(entries))
				.join();
			assertThat(sent.failed()).isEmpty();
		}
		assertThat(poison).hasSize(POISON);

		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.listeners.items().distinct(Delivery::entityId).size() >= GOOD);
		Map<String, DeadLetter> dead = Messages.drain(this.sqs, ITEM_QUEUE + "-dlq", POISON, Duration.ofSeconds(90));

		assertThat(this.listeners.items().distinct(Delivery::entityId)).hasSize(GOOD);
		assertThat(this.listeners.items().count()).as("invocations: no event twice, no poison handled")
			.isEqualTo(GOOD);
		assertThat(dead.values()).extracting(DeadLetter::body)
			.containsExactlyInAnyOrderElementsOf(poison.keySet());
		for (DeadLetter letter : dead.values()) {
			assertThat(letter.error()).as("eventbus-error of %s", letter.body())
				.isNotBlank()
				.contains(poison.get(letter.body()));
		}
		assertThat(output.getAll().lines()
			.filter((line) -> line.contains("WARN") && line.contains("of queue " + ITEM_QUEUE + " to its dead-letter queue"))
			.count()).as("one WARN per poison message").isEqualTo(POISON);
	}

	@Test
	void notificationFromAnotherTopicIsNotHandledAndGoesToTheDeadLetterQueueNamingTheTopic(CapturedOutput output) {
		String itemTopic = Topics.arn(this.sns, "fx-poison-Item");
		String gadgetTopic = Topics.arn(this.sns, "fx-poison-Gadget");
		UUID spoofedEvent = UUID.randomUUID();
		String spoof = Messages.snsNotification(itemTopic, Messages.envelope(spoofedEvent, "Gadget", "666",
				Map.of("id", 666, "label", "spoofed")));
		String queueUrl = Queues.url(this.sqs, GADGET_QUEUE);
		this.sqs.sendMessage((r) -> r.queueUrl(queueUrl).messageBody(spoof)).join();
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(new Gadget(7L, "real")));

		Map<String, DeadLetter> dead = Messages.drain(this.sqs, GADGET_QUEUE + "-dlq", 1, Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.listeners.gadgets().distinct(Delivery::entityId).contains("7"));

		assertThat(dead.values()).singleElement().satisfies((letter) -> {
			assertThat(letter.body()).isEqualTo(spoof);
			assertThat(letter.error()).contains(itemTopic).contains(gadgetTopic);
		});
		assertThat(this.listeners.gadgets().distinct(Delivery::eventId)).doesNotContain(spoofedEvent.toString());
		assertThat(this.listeners.gadgets().distinct(Delivery::entityId)).containsExactly("7");
		assertThat(output.getAll()).contains("of queue " + GADGET_QUEUE + " to its dead-letter queue")
			.contains(itemTopic);
	}

	/**
	 * Issue 7: SQS counts the body and every attribute's name, type and value against the queue's
	 * maximum message size, so a poison body near the maximum leaves little room for the reason.
	 */
	@Test
	void poisonOfTheMaximumSizeReachesTheDeadLetterQueueAtOnceWithTheReasonShortenedToWhatFits(
			CapturedOutput output) {
		String dlqUrl = Queues.url(this.sqs, LIMITS_QUEUE + "-dlq");
		int maximum = Integer.parseInt(this.sqs
			.getQueueAttributes((r) -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.MAXIMUM_MESSAGE_SIZE))
			.join()
			.attributes()
			.get(QueueAttributeName.MAXIMUM_MESSAGE_SIZE));
		assertThat(maximum).as("the SQS maximum, 1 MiB").isEqualTo(1_048_576);
		String full = bodyOfSize("full", maximum);
		String nearly = bodyOfSize("nearly", maximum - 100);
		String queueUrl = Queues.url(this.sqs, LIMITS_QUEUE);
		long started = System.nanoTime();
		this.sqs.sendMessage((r) -> r.queueUrl(queueUrl).messageBody(full)).join();
		this.sqs.sendMessage((r) -> r.queueUrl(queueUrl).messageBody(nearly)).join();

		Map<String, DeadLetter> dead = Messages.drain(this.sqs, LIMITS_QUEUE + "-dlq", 2, Duration.ofSeconds(30));
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(dead.values()).extracting(DeadLetter::body).containsExactlyInAnyOrder(full, nearly);
		assertThat(took).as("dead-lettered by eventbus at once, not by SQS after %d back-off retries", 5)
			.isLessThan(Duration.ofSeconds(10));
		Map<String, String> errors = new HashMap<>();
		dead.values().forEach((letter) -> errors.put(letter.body().substring(0, 12), letter.error()));
		assertThat(errors.get("poison full ")).as("no room for an attribute next to a body of the maximum size")
			.isNull();
		String shortened = errors.get("poison nearl");
		// 100 bytes left: 14 for the name eventbus-error, 6 for the type String, 80 for the value
		assertThat(shortened).startsWith("body is not JSON").endsWith("...");
		assertThat(shortened.getBytes(StandardCharsets.UTF_8)).hasSize(80);
		List<String> lines = output.getAll()
			.lines()
			.filter((line) -> line.contains("of queue " + LIMITS_QUEUE))
			.toList();
		assertThat(lines).as("one WARN per message, after the move").hasSize(2).allSatisfy((line) -> assertThat(line)
			.contains("WARN")
			.contains("eventbus moved message")
			.contains("to its dead-letter queue: body is not JSON"));
		assertThat(lines).filteredOn((line) -> line.contains("without the eventbus-error attribute")).hasSize(1);
		assertThat(output.getAll()).as("no retry").doesNotContain("PoisonListeners.limits(EntityEvent) failed");
		assertThat(this.listeners.limits().count()).isZero();
		assertThat(Queues.depth(this.sqs, queueUrl))
			.as("the listener queue holds neither message, visible or in flight")
			.isZero();
	}

	/**
	 * Issue 7: the log never claims a move that failed. While the dead-letter queue is missing,
	 * poison stays in the listener's queue and comes back; once the queue is there again, the
	 * next delivery moves it, with the reason.
	 */
	@Test
	void poisonThatTheDeadLetterQueueDoesNotTakeIsLoggedAsNotMovedAndDeliveredAgainUntilItCanBeMoved(
			CapturedOutput output) {
		String dlqUrl = Queues.url(this.sqs, STRANDED_QUEUE + "-dlq");
		this.sqs.deleteQueue((r) -> r.queueUrl(dlqUrl)).join();
		String queueUrl = Queues.url(this.sqs, STRANDED_QUEUE);
		String poison = "not json, stranded {";
		this.sqs.sendMessage((r) -> r.queueUrl(queueUrl).messageBody(poison)).join();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> lines(output, "could not move message").size() >= 2);
		assertThat(lines(output, "could not move message")).allSatisfy((line) -> assertThat(line)
			.contains("of queue " + STRANDED_QUEUE + " to its dead-letter queue (body is not JSON")
			.contains("it stays in the queue and is delivered again"));
		assertThat(lines(output, "eventbus moved message")).isEmpty();
		this.sqs.createQueue((r) -> r.queueName(STRANDED_QUEUE + "-dlq")).join();

		Map<String, DeadLetter> dead = Messages.drain(this.sqs, STRANDED_QUEUE + "-dlq", 1, Duration.ofSeconds(30));
		assertThat(dead.values()).singleElement().satisfies((letter) -> {
			assertThat(letter.body()).isEqualTo(poison);
			assertThat(letter.error()).startsWith("body is not JSON");
		});
		assertThat(lines(output, "eventbus moved message")).singleElement(STRING)
			.contains("to its dead-letter queue: body is not JSON");
		assertThat(this.listeners.stranded().count()).isZero();
	}

	private static List<String> lines(CapturedOutput output, String text) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains(text) && line.contains("of queue " + STRANDED_QUEUE + " "))
			.toList();
	}

	/**
	 * A body that is not JSON, of exactly {@code bytes} bytes in UTF-8, with two-byte characters
	 * so that bytes and characters differ.
	 */
	private static String bodyOfSize(String name, int bytes) {
		StringBuilder body = new StringBuilder("poison ").append(name).append(' ');
		int umlauts = (bytes - body.length()) / 4;
		body.append("\u00fc".repeat(umlauts));
		body.append("x".repeat(bytes - body.toString().getBytes(StandardCharsets.UTF_8).length));
		assertThat(body.toString().getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
		return body.toString();
	}

	/**
	 * A poison message and a fragment of the reason it must be dead-lettered with: an SNS
	 * notification of the queue's own topic around a bad message, or a bare message sent
	 * straight to the queue (rejected because only notifications of the topic are accepted).
	 */
	private static String[] poison(int k, String topicArn) {
		return switch (k % 6) {
			case 0 -> new String[] { "not json at all #" + k + " {", "not JSON" };
			case 1 -> new String[] { Messages.snsNotification(topicArn, "[" + k + ", 2, 3]"), "not a JSON object" };
			case 2 -> new String[] { Messages.snsNotification(topicArn, "{\"poison\":" + k + "}"), "payload" };
			case 3 -> new String[] { Messages.snsNotification(topicArn,
					"{\"eventId\":\"" + UUID.randomUUID() + "\",\"payload\":{\"id\":" + k + "}}"), "channel" };
			case 4 -> new String[] { Messages.envelope(UUID.randomUUID(), "Item", Integer.toString(900_000 + k),
					Map.of("id", 900_000 + k, "quantity", 1, "name", "bare-" + k)), "not an SNS notification" };
			default -> new String[] { Messages.snsNotification(topicArn,
					Messages.envelope(UUID.randomUUID(), "Item", Integer.toString(900_000 + k),
							Map.of("id", 900_000 + k, "quantity", "lots", "name", "poison-" + k))),
					"does not convert" };
		};
	}

}
