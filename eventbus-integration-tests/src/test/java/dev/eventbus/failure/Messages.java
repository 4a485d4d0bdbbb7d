package dev.eventbus.failure;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.json.JsonMapper;

import dev.eventbus.test.Queues;

/**
 * Hand-made messages (envelopes, SNS notifications) and a reader of dead-letter queues, for
 * tests that talk to SQS directly.
 */
public final class Messages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Messages() {
	}

	/**
	 * A well-formed eventbus envelope, as the relay would publish it.
	 * @param eventId the event id
	 * @param channel the channel
	 * @param entityId the entity id
	 * @param payload the payload
	 * @return the JSON text
	 */
	public static String envelope(UUID eventId, String channel, String entityId, Map<String, ?> payload) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("eventId", eventId.toString());
		body.put("channel", channel);
		body.put("action", "created");
		body.put("entityType", "dev.eventbus.failure." + channel);
		body.put("entityId", entityId);
		body.put("occurredAt", Instant.now().toString());
		body.put("publisher", "a-test");
		body.put("version", 1);
		body.put("payload", payload);
		return JSON.writeValueAsString(body);
	}

	/**
	 * An SNS notification as SNS delivers it to a subscribed queue (without raw delivery).
	 * @param topicArn the topic the notification claims to come from
	 * @param message the inner message
	 * @return the JSON text
	 */
	public static String snsNotification(String topicArn, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("Type", "Notification");
		body.put("MessageId", UUID.randomUUID().toString());
		body.put("TopicArn", topicArn);
		body.put("Message", message);
		body.put("Timestamp", Instant.now().toString());
		body.put("SignatureVersion", "1");
		body.put("Signature", "EXAMPLE");
		return JSON.writeValueAsString(body);
	}

	/**
	 * A message found in a dead-letter queue.
	 *
	 * @param messageId the SQS message id
	 * @param body the body
	 * @param error the {@code eventbus-error} attribute, or {@code null} if absent
	 */
	public record DeadLetter(String messageId, String body, String error) {
	}

	/**
	 * Receives (and deletes) the messages of a queue until {@code expected} distinct ones were
	 * read or the time is up, then listens one more second for any extra.
	 * @param sqs the client
	 * @param queueName the queue
	 * @param expected how many messages to wait for
	 * @param atMost the longest wait
	 * @return the messages by message id
	 */
	public static Map<String, DeadLetter> drain(SqsAsyncClient sqs, String queueName, int expected,
			Duration atMost) {
		String url = Queues.url(sqs, queueName);
		Map<String, DeadLetter> received = new LinkedHashMap<>();
		long deadline = System.nanoTime() + atMost.toNanos();
		boolean extraRound = false;
		while (System.nanoTime() < deadline) {
			List<Message> messages = sqs
				.receiveMessage((request) -> request.queueUrl(url)
					.maxNumberOfMessages(10)
					.waitTimeSeconds(1)
					.messageAttributeNames("All"))
				.join()
				.messages();
			for (Message message : messages) {
				MessageAttributeValue error = message.messageAttributes().get("eventbus-error");
				received.put(message.messageId(),
						new DeadLetter(message.messageId(), message.body(), (error != null) ? error.stringValue() : null));
				sqs.deleteMessage((request) -> request.queueUrl(url).receiptHandle(message.receiptHandle())).join();
			}
			if (received.size() >= expected) {
				if (extraRound && messages.isEmpty()) {
					break;
				}
				extraRound = true;
			}
		}
		return received;
	}

}
