package dev.eventbus.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.Queues;
import dev.eventbus.test.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path on real components: JPA commit on PostgreSQL, outbox, relay, SNS and SQS in
 * the fauxqs emulator, listener methods. The scenarios are {@link EndToEndScenarios}', which
 * {@link EndToEndInMemoryIntegrationTests} runs with in-memory delivery; the tests here look at what
 * only SNS and SQS have (subscriptions, filter policies, queue policies).
 * {@link EndToEndMotoIntegrationTests} runs all of them against moto.
 */
@EnableFauxqs
@SpringBootTest(classes = ItApplication.class,
		properties = { "spring.application.name=it-e2e", "eventbus.publish.topic-prefix=it-e2e-" })
@DirtiesContext
class EndToEndIntegrationTests extends EndToEndScenarios {

	private static final String ALL_ACTIONS = "{\"action\":[\"created\",\"updated\",\"deleted\"]}";

	/** Every listener of {@link OrderListeners}: the queues that must be empty once all was handled. */
	private static final List<String> ALL_LISTENERS = List.of("envelope", "deletesOnly", "frame", "ordered", "once",
			"strict");

	@Autowired
	SnsClient sns;

	@Autowired
	SqsAsyncClient sqs;

	/** The dead letters received (and so deleted) from the dead-letter queues so far, by listener. */
	private final Map<String, List<Message>> deadLetters = new HashMap<>();

	@Override
	String topic() {
		return "it-e2e-ItOrder";
	}

	@Override
	void awaitAllDelivered() {
		for (String listener : ALL_LISTENERS) {
			String queue = queue(listener);
			// handled messages are deleted in batches: the queue is empty once they all were
			String url = Queues.url(this.sqs, queue);
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(Queues.depth(this.sqs, url)).as("messages in %s", queue).isZero());
		}
	}

	@Override
	List<String> deadLetterReasons(String listener, String entityId) {
		String url = Queues.url(this.sqs, queue(listener) + "-dlq");
		List<Message> received = this.deadLetters.computeIfAbsent(listener, (name) -> new ArrayList<>());
		for (Message message : this.sqs
			.receiveMessage((request) -> request.queueUrl(url).maxNumberOfMessages(10).messageAttributeNames("All"))
			.join()
			.messages()) {
			received.add(message);
			this.sqs.deleteMessage((request) -> request.queueUrl(url).receiptHandle(message.receiptHandle())).join();
		}
		return received.stream().filter((message) -> message.body().contains(entityId)).map((message) -> {
			MessageAttributeValue error = message.messageAttributes().get("eventbus-error");
			return (error != null) ? error.stringValue() : "(no eventbus-error attribute)";
		}).toList();
	}

	@Override
	void assertNoDeadLetters(String listener) {
		String queue = queue(listener) + "-dlq";
		assertThat(Queues.depth(this.sqs, Queues.url(this.sqs, queue))).as("dead letters of %s", queue).isZero();
	}

	@Test
	void actionFilteringHappensInTheSubscription() {
		String topicArn = Topics.arn(this.sns, topic());
		Map<String, String> filterPolicies = new HashMap<>();
		for (Subscription subscription : this.sns.listSubscriptionsByTopic((r) -> r.topicArn(topicArn)).subscriptions()) {
			filterPolicies.put(subscription.endpoint().substring(subscription.endpoint().lastIndexOf(':') + 1),
					this.sns.getSubscriptionAttributes((r) -> r.subscriptionArn(subscription.subscriptionArn()))
						.attributes()
						.getOrDefault("FilterPolicy", ""));
		}
		assertThat(filterPolicies).containsEntry(queue("deletesOnly"), "{\"action\":[\"deleted\"]}")
			.containsEntry(queue("envelope"), ALL_ACTIONS)
			.containsEntry(queue("frame"), ALL_ACTIONS)
			.containsEntry(queue("ordered"), ALL_ACTIONS);
	}

	@Test
	void listenerQueueHasDeadLetterQueueAndAPolicyThatAdmitsOnlyItsTopic() {
		String queueUrl = Queues.url(this.sqs, queue("envelope"));
		Map<QueueAttributeName, String> attributes = this.sqs
			.getQueueAttributes((r) -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL))
			.join()
			.attributes();
		String topicArn = Topics.arn(this.sns, topic());
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

	private static String queue(String listener) {
		return "it-e2e-orderListeners-" + listener;
	}

}
