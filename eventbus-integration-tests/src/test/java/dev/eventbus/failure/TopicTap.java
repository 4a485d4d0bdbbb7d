package dev.eventbus.failure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.eventbus.test.Queues;
import dev.eventbus.test.Topics;

/**
 * A plain SQS queue of the test's own, subscribed to a topic, that shows what the topic sent as
 * SNS put it on the wire: the topic ARN, the body and the message attributes of each
 * notification (the attributes travel inside the SNS envelope).
 */
public final class TopicTap {

	private static final JsonMapper JSON = new JsonMapper();

	/**
	 * One notification.
	 *
	 * @param topicArn the topic that sent it
	 * @param body the event envelope (the notification's {@code Message})
	 * @param attributes the message attributes by name (string values)
	 */
	public record Notification(String topicArn, JsonNode body, Map<String, String> attributes) {
	}

	private final SqsAsyncClient sqs;

	private final String queueUrl;

	private final List<Notification> received = new ArrayList<>();

	private TopicTap(SqsAsyncClient sqs, String queueUrl) {
		this.sqs = sqs;
		this.queueUrl = queueUrl;
	}

	/**
	 * Creates a queue and subscribes it to an existing topic.
	 * @param sns the SNS client
	 * @param sqs the SQS client
	 * @param topicName the topic's name
	 * @param queueName a queue name of the test's own
	 * @return the tap
	 */
	public static TopicTap subscribe(SnsClient sns, SqsAsyncClient sqs, String topicName, String queueName) {
		String topicArn = Topics.arn(sns, topicName);
		String queueUrl = sqs.createQueue((request) -> request.queueName(queueName)).join().queueUrl();
		String queueArn = Queues.arn(sqs, queueUrl);
		sns.subscribe((request) -> request.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
		return new TopicTap(sqs, queueUrl);
	}

	/**
	 * Takes what is waiting in the queue (receives until one comes back empty) and deletes it.
	 * @return everything received so far
	 */
	public synchronized List<Notification> poll() {
		List<Message> messages;
		do {
			messages = this.sqs
				.receiveMessage((request) -> request.queueUrl(this.queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
				.join()
				.messages();
			messages.forEach(this::take);
		}
		while (!messages.isEmpty());
		return List.copyOf(this.received);
	}

	private void take(Message message) {
		JsonNode envelope = JSON.readTree(message.body());
		Map<String, String> attributes = new LinkedHashMap<>();
		envelope.path("MessageAttributes")
			.properties()
			.forEach((entry) -> attributes.put(entry.getKey(), entry.getValue().path("Value").asString()));
		this.received.add(new Notification(envelope.path("TopicArn").asString(),
				JSON.readTree(envelope.path("Message").asString()), attributes));
		this.sqs.deleteMessage((request) -> request.queueUrl(this.queueUrl).receiptHandle(message.receiptHandle()))
			.join();
	}

}
