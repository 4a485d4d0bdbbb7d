package dev.eventbus.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.eventbus.Action;
import dev.eventbus.consume.ListenerInfo;
import dev.eventbus.consume.RegisteredListener;
import dev.eventbus.provision.ListenerQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of replayed messages: an SNS notification from the listener's topic with envelope
 * delivery, the bare body with SQS attributes with raw delivery, group and deduplication ids on FIFO
 * queues.
 */
class ReplayMessagesTests {

	private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:shop-Order";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

	private static final RetainedEvents.Event EVENT = new RetainedEvents.Event(7, "0b4a1f4e-4d0c-4f5e-9a57-1c1c1c1c1c1c",
			"updated", "42", "shop", "{\"eventId\":\"0b4a1f4e-4d0c-4f5e-9a57-1c1c1c1c1c1c\"}");

	@Test
	void withEnvelopeDeliveryTheMessageIsAnSnsNotificationOfTheListenersTopic() {
		SendMessageBatchRequestEntry entry = new ReplayMessages(listener("shop-onOrder", false), CLOCK).entry("7", EVENT);
		JsonNode notification = new JsonMapper().readTree(entry.messageBody());
		assertThat(notification.path("Type").asString()).isEqualTo("Notification");
		assertThat(notification.path("TopicArn").asString()).isEqualTo(TOPIC);
		assertThat(notification.path("Message").asString()).isEqualTo(EVENT.body());
		assertThat(notification.path("MessageId").asString()).isNotBlank();
		assertThat(notification.path("Timestamp").asString()).isEqualTo("2026-12-01T10:00:00Z");
		JsonNode attributes = notification.path("MessageAttributes");
		assertThat(attributes.path("channel").path("Value").asString()).isEqualTo("Order");
		assertThat(attributes.path("action").path("Value").asString()).isEqualTo("updated");
		assertThat(attributes.path("eventId").path("Value").asString()).isEqualTo(EVENT.eventId());
		assertThat(attributes.path("publisher").path("Type").asString()).isEqualTo("String");
		assertThat(entry.messageAttributes()).isEmpty();
		assertThat(entry.messageGroupId()).isNull();
	}

	@Test
	void withRawDeliveryTheMessageIsTheBodyWithSqsAttributes() {
		SendMessageBatchRequestEntry entry = new ReplayMessages(listener("shop-onOrder", true), CLOCK).entry("7", EVENT);
		assertThat(entry.messageBody()).isEqualTo(EVENT.body());
		assertThat(entry.messageAttributes()).containsOnlyKeys("channel", "action", "eventId", "publisher");
		assertThat(entry.messageAttributes().get("action").stringValue()).isEqualTo("updated");
	}

	@Test
	void onAFifoQueueTheGroupIsTheOrderingKeyAndEachReplayDeliversAgain() {
		RegisteredListener listener = listener("shop-onOrder.fifo", false);
		SendMessageBatchRequestEntry first = new ReplayMessages(listener, CLOCK).entry("7", EVENT);
		SendMessageBatchRequestEntry second = new ReplayMessages(listener, CLOCK).entry("7", EVENT);
		assertThat(first.messageGroupId()).isEqualTo("Order:42");
		assertThat(first.messageDeduplicationId()).startsWith(EVENT.eventId())
			.isNotEqualTo(second.messageDeduplicationId())
			.hasSizeLessThanOrEqualTo(128);
	}

	private static RegisteredListener listener(String queueName, boolean rawDelivery) {
		ListenerInfo info = new ListenerInfo("onOrder", "Order", Set.of(Action.UPDATED.wireName()),
				ReplayMessagesTests.class.getDeclaredMethods()[0], queueName);
		return new RegisteredListener(info, new ListenerQueue(queueName, TOPIC, queueName + "-dlq"), false,
				rawDelivery);
	}

}
