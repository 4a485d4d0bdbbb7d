package dev.eventbus.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;

/**
 * What the raw SDK baselines send: the very bodies the relay sends (from an outbox body
 * template, with fresh event ids) and the same attributes ({@code channel}, {@code action},
 * {@code eventId}, {@code publisher}), so a raw message is one that a {@code @Listener} accepts.
 */
final class RawMessages {

	private RawMessages() {
	}

	/**
	 * A message of a new event.
	 * @param template the outbox body with {@code @EVENT@} and {@code @ENTITY@}
	 * @param channel the channel attribute
	 * @param entityId the entity id to put in the body
	 * @return the message
	 */
	static Message of(String template, String channel, String entityId) {
		String eventId = UUID.randomUUID().toString();
		String body = template.replace("@EVENT@", eventId).replace("@ENTITY@", entityId);
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		attributes.put("channel", text(channel));
		attributes.put("action", text("created"));
		attributes.put("eventId", text(eventId));
		attributes.put("publisher", text("bench"));
		return new Message(body, attributes);
	}

	/**
	 * Entries for {@code PublishBatch} of new events (ids 0-9 within each batch of ten).
	 * @param template the outbox body template
	 * @param channel the channel attribute
	 * @param count how many
	 * @return the entries
	 */
	static List<PublishBatchRequestEntry> batchEntries(String template, String channel, int count) {
		List<PublishBatchRequestEntry> entries = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Message message = of(template, channel, UUID.randomUUID().toString());
			entries.add(PublishBatchRequestEntry.builder()
				.id(Integer.toString(i % 10))
				.message(message.body)
				.messageAttributes(message.attributes)
				.build());
		}
		return entries;
	}

	/**
	 * One thread of a raw {@code PublishBatch} loop: takes the next ten entries until none are
	 * left (several threads share {@code next}).
	 * @param sns the client
	 * @param topicArn the topic
	 * @param entries all entries
	 * @param next the index of the next entry to take
	 * @return how many this thread published
	 */
	static int publishBatches(SnsClient sns, String topicArn, List<PublishBatchRequestEntry> entries,
			AtomicInteger next) {
		int sent = 0;
		for (int from = next.getAndAdd(10); from < entries.size(); from = next.getAndAdd(10)) {
			List<PublishBatchRequestEntry> batch = entries.subList(from, Math.min(from + 10, entries.size()));
			sent += sns.publishBatch((request) -> request.topicArn(topicArn).publishBatchRequestEntries(batch))
				.successful()
				.size();
		}
		return sent;
	}

	private static MessageAttributeValue text(String value) {
		return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
	}

	/**
	 * A message to publish.
	 *
	 * @param body the body
	 * @param attributes the message attributes
	 */
	record Message(String body, Map<String, MessageAttributeValue> attributes) {

		void publish(SnsClient sns, String topicArn) {
			sns.publish((request) -> request.topicArn(topicArn).message(this.body).messageAttributes(this.attributes));
		}

	}

}
