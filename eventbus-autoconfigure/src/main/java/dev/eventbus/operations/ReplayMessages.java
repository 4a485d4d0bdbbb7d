package dev.eventbus.operations;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.eventbus.consume.RegisteredListener;

/**
 * Turns a retained event into the message its listener accepts, as if its topic had delivered it:
 * with envelope delivery an SNS notification from the listener's topic (a new {@code MessageId},
 * the stored body as {@code Message}, the attributes the relay publishes with it in
 * {@code MessageAttributes}); with raw delivery the body with those attributes as SQS message
 * attributes. The attributes are {@code channel}, {@code action}, {@code eventId} and, when the row
 * recorded one, {@code publisher}.
 */
final class ReplayMessages {

	private static final JsonMapper MAPPER = new JsonMapper();

	private final RegisteredListener listener;

	private final Clock clock;

	private final boolean fifo;

	/** Part of the deduplication ids on a FIFO queue: a second replay is delivered again. */
	private final String replayId = UUID.randomUUID().toString();

	ReplayMessages(RegisteredListener listener, Clock clock) {
		this.listener = listener;
		this.clock = clock;
		this.fifo = listener.queue().queueName().endsWith(".fifo");
	}

	SendMessageBatchRequestEntry entry(String id, RetainedEvents.Event event) {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("channel", this.listener.info().channel());
		attributes.put("action", event.action());
		attributes.put("eventId", event.eventId());
		if (event.publisher() != null) {
			attributes.put("publisher", event.publisher());
		}
		SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder().id(id);
		if (this.listener.rawDelivery()) {
			Map<String, MessageAttributeValue> sqsAttributes = new LinkedHashMap<>();
			attributes.forEach((name, value) -> sqsAttributes.put(name,
					MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
			entry.messageBody(event.body()).messageAttributes(sqsAttributes);
		}
		else {
			entry.messageBody(notification(event, attributes));
		}
		if (this.fifo) {
			String group = (event.entityId() != null) ? this.listener.info().channel() + ":" + event.entityId()
					: this.listener.info().channel();
			entry.messageGroupId(group).messageDeduplicationId(event.eventId() + "-" + this.replayId);
		}
		return entry.build();
	}

	private String notification(RetainedEvents.Event event, Map<String, String> attributes) {
		ObjectNode notification = MAPPER.createObjectNode();
		notification.put("Type", "Notification");
		notification.put("MessageId", UUID.randomUUID().toString());
		notification.put("TopicArn", this.listener.queue().topicArn());
		notification.put("Message", event.body());
		notification.put("Timestamp", this.clock.instant().toString());
		ObjectNode messageAttributes = notification.putObject("MessageAttributes");
		attributes.forEach((name, value) -> messageAttributes.putObject(name).put("Type", "String").put("Value", value));
		return MAPPER.writeValueAsString(notification);
	}

}
