package dev.eventbus.transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 9: {@link SnsEventTransport} against a recording SNS client. A failed event holds back
 * the later events of its ordering key in the same call, and only those; calls carry at most
 * ten entries, a lone event goes with {@code Publish}; FIFO topics get the message group and
 * deduplication id; the attributes arrive as SNS string attributes; a missing topic fails its
 * own events only; a broker that cannot be reached makes the call throw when nothing was sent.
 */
final class SnsEventTransportTests {

	private static final String ORDERS = "arn:aws:sns:eu-west-1:000000000000:shop-Order";

	private static final String CUSTOMERS = "arn:aws:sns:eu-west-1:000000000000:shop-Customer";

	private static final String FIFO = "arn:aws:sns:eu-west-1:000000000000:shop-Order.fifo";

	private final RecordingSnsClient sns = new RecordingSnsClient();

	/** Topic ARNs by name; an event without a recorded topic goes to {@code shop-<channel>}. */
	private final Map<String, String> topics = new HashMap<>(
			Map.of("shop-Order", ORDERS, "shop-Customer", CUSTOMERS, "shop-Order.fifo", FIFO));

	private final List<OutgoingMessage.Destination> lookedUp = new ArrayList<>();

	private final SnsEventTransport transport = new SnsEventTransport(this.sns, (channel, topic) -> {
		this.lookedUp.add(new OutgoingMessage.Destination(channel, topic));
		return this.topics.get((topic != null) ? topic : "shop-" + channel);
	});

	@Test
	void aFailedEventHoldsBackTheLaterEventsOfItsKeyAndOtherKeysGoOn() {
		List<OutgoingMessage> first = new ArrayList<>();
		for (int entity = 1; entity <= 10; entity++) {
			first.add(message("Order", "e" + entity, "shop-Order", "order-" + entity + "-a"));
		}
		OutgoingMessage laterOfFailed = message("Order", "e1", "shop-Order", "order-1-b");
		OutgoingMessage laterOfOther = message("Order", "e2", "shop-Order", "order-2-b");
		List<OutgoingMessage> messages = new ArrayList<>(first);
		messages.add(laterOfFailed);
		messages.add(laterOfOther);
		this.sns.reject("order-1-a", "InvalidParameter");

		Map<UUID, String> failures = this.transport.send(messages);

		assertThat(failures).containsOnly(entry(first.get(0).id(), "InvalidParameter: rejected"),
				entry(laterOfFailed.id(), "an earlier event of Order:e1 was not sent"));
		assertThat(this.sns.calls()).hasSize(2);
		assertThat(this.sns.calls().get(0).bodies()).containsExactlyElementsOf(bodies(first));
		assertThat(this.sns.calls().get(1).bodies()).containsExactly("order-2-b");
		assertThat(this.sns.accepted()).doesNotContain("order-1-a", "order-1-b").contains("order-2-b");
	}

	@Test
	void callsCarryAtMostTenEntriesInTheOrderTheEventsCome() {
		List<OutgoingMessage> messages = new ArrayList<>();
		for (int entity = 0; entity < 23; entity++) {
			messages.add(message("Order", "e" + entity, "shop-Order", "order-" + entity));
		}

		assertThat(this.transport.send(messages)).isEmpty();

		assertThat(this.sns.calls()).extracting(RecordingSnsClient.Call::api)
			.containsExactly("PublishBatch", "PublishBatch", "PublishBatch");
		assertThat(this.sns.calls()).extracting((call) -> call.entries().size()).containsExactly(10, 10, 3);
		assertThat(this.sns.accepted()).containsExactlyElementsOf(bodies(messages));
	}

	@Test
	void aLoneEventGoesWithPublish() {
		OutgoingMessage message = message("Order", "e1", "shop-Order", "order-1");

		assertThat(this.transport.send(List.of(message))).isEmpty();

		assertThat(this.sns.calls()).singleElement().satisfies((call) -> {
			assertThat(call.api()).isEqualTo("Publish");
			assertThat(call.topicArn()).isEqualTo(ORDERS);
			assertThat(call.bodies()).containsExactly("order-1");
		});
	}

	@Test
	void eachTopicGetsItsOwnCallsAndItsTopicIsLookedUpOnce() {
		List<OutgoingMessage> messages = List.of(message("Order", "e1", "shop-Order", "order-1"),
				message("Customer", "c1", "shop-Customer", "customer-1"),
				message("Order", "e2", "shop-Order", "order-2"));

		assertThat(this.transport.send(messages)).isEmpty();

		assertThat(this.sns.calls()).extracting(RecordingSnsClient.Call::api, RecordingSnsClient.Call::topicArn)
			.containsExactly(tuple("PublishBatch", ORDERS),
					tuple("Publish", CUSTOMERS));
		assertThat(this.sns.calls().get(0).bodies()).containsExactly("order-1", "order-2");
		assertThat(this.lookedUp).containsExactly(new OutgoingMessage.Destination("Order", "shop-Order"),
				new OutgoingMessage.Destination("Customer", "shop-Customer"));
	}

	@Test
	void fifoTopicsGetTheOrderingKeyAsGroupAndTheEventIdAsDeduplicationId() {
		OutgoingMessage first = message("Order", "e1", "shop-Order.fifo", "order-1-a");
		OutgoingMessage second = message("Order", "e2", "shop-Order.fifo", "order-2-a");
		OutgoingMessage lone = message("Order", "e3", "shop-Order.fifo", "order-3-a");
		OutgoingMessage standard = message("Order", "e4", "shop-Order", "order-4-a");

		this.transport.send(List.of(first, second));
		this.transport.send(List.of(lone));
		this.transport.send(List.of(standard));

		assertThat(this.sns.calls()).extracting(RecordingSnsClient.Call::api)
			.containsExactly("PublishBatch", "Publish", "Publish");
		List<RecordingSnsClient.Entry> entries = this.sns.calls()
			.stream()
			.flatMap((call) -> call.entries().stream())
			.toList();
		assertThat(entries).extracting(RecordingSnsClient.Entry::groupId)
			.containsExactly("Order:e1", "Order:e2", "Order:e3", null);
		assertThat(entries).extracting(RecordingSnsClient.Entry::deduplicationId)
			.containsExactly(first.id().toString(), second.id().toString(), lone.id().toString(), null);
	}

	@Test
	void theAttributesArriveAsStringAttributes() {
		OutgoingMessage first = message("Order", "e1", "shop-Order", "order-1");
		OutgoingMessage second = message("Order", "e2", "shop-Order", "order-2");
		OutgoingMessage lone = message("Customer", "c1", "shop-Customer", "customer-1");

		this.transport.send(List.of(first, second, lone));

		List<RecordingSnsClient.Entry> entries = this.sns.calls()
			.stream()
			.flatMap((call) -> call.entries().stream())
			.toList();
		assertThat(entries).hasSize(3);
		List<OutgoingMessage> sent = List.of(first, second, lone);
		for (int i = 0; i < sent.size(); i++) {
			OutgoingMessage message = sent.get(i);
			assertThat(entries.get(i).attributes()).containsOnlyKeys("channel", "action", "eventId", "publisher")
				.containsEntry("channel", text(message.destination().channel()))
				.containsEntry("action", text("updated"))
				.containsEntry("eventId", text(message.id().toString()))
				.containsEntry("publisher", text("shop"));
		}
	}

	@Test
	void aMissingTopicFailsItsOwnEventsOnly() {
		OutgoingMessage missing = message("Order", "e1", "other-Order", "other-order-1");
		OutgoingMessage laterOfMissing = message("Order", "e1", "shop-Order", "order-1-b");
		OutgoingMessage unrecorded = message("Gone", "g1", null, "gone-1");
		OutgoingMessage other = message("Order", "e2", "shop-Order", "order-2");

		Map<UUID, String> failures = this.transport.send(List.of(missing, laterOfMissing, unrecorded, other));

		assertThat(failures).containsOnly(entry(missing.id(), "SNS topic 'other-Order' does not exist"),
				entry(laterOfMissing.id(), "an earlier event of Order:e1 was not sent"),
				entry(unrecorded.id(), "SNS topic of channel 'Gone' does not exist"));
		assertThat(this.sns.accepted()).containsExactly("order-2");
	}

	@Test
	void aRejectedLoneEventIsAFailureNotAnOutage() {
		OutgoingMessage message = message("Order", "e1", "shop-Order", "order-1");
		this.sns.reject("order-1", "InvalidParameterValue");

		assertThat(this.transport.send(List.of(message)))
			.containsOnly(entry(message.id(), "InvalidParameterValue: rejected"));
	}

	@Test
	void anUnreachableBrokerThrowsWhenNothingWasSent() {
		this.sns.unreachableFrom(1);
		List<OutgoingMessage> batch = List.of(message("Order", "e1", "shop-Order", "order-1"),
				message("Order", "e2", "shop-Order", "order-2"));
		List<OutgoingMessage> lone = List.of(message("Order", "e3", "shop-Order", "order-3"));

		assertThatExceptionOfType(SdkClientException.class).isThrownBy(() -> this.transport.send(batch))
			.withMessageContaining("Connection refused");
		assertThatExceptionOfType(SdkClientException.class).isThrownBy(() -> this.transport.send(lone))
			.withMessageContaining("Connection refused");
		assertThat(this.sns.calls()).isEmpty();
	}

	@Test
	void aTopicLookupThatFailsIsAnUnreachableBroker() {
		SnsEventTransport transport = new SnsEventTransport(this.sns, (channel, topic) -> {
			throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
		});

		assertThatExceptionOfType(SdkClientException.class)
			.isThrownBy(() -> transport.send(List.of(message("Order", "e1", "shop-Order", "order-1"))));
		assertThat(this.sns.calls()).isEmpty();
	}

	@Test
	void anOutageAfterSomethingWasSentFailsTheRestWithoutThrowing() {
		List<OutgoingMessage> messages = new ArrayList<>();
		for (int entity = 0; entity < 12; entity++) {
			messages.add(message("Order", "e" + entity, "shop-Order", "order-" + entity));
		}
		this.sns.unreachableFrom(2);

		Map<UUID, String> failures = this.transport.send(messages);

		assertThat(failures).containsOnlyKeys(messages.get(10).id(), messages.get(11).id());
		assertThat(failures.values()).allSatisfy((reason) -> assertThat(reason).contains("Connection refused"));
		assertThat(this.sns.accepted()).containsExactlyElementsOf(bodies(messages.subList(0, 10)));
	}

	private static OutgoingMessage message(String channel, String entityId, @Nullable String topic, String body) {
		UUID id = UUID.randomUUID();
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("channel", channel);
		attributes.put("action", "updated");
		attributes.put("eventId", id.toString());
		attributes.put("publisher", "shop");
		return new OutgoingMessage(id, new OutgoingMessage.Destination(channel, topic), channel + ":" + entityId, body,
				attributes);
	}

	private static List<String> bodies(List<OutgoingMessage> messages) {
		return messages.stream().map(OutgoingMessage::body).toList();
	}

	private static MessageAttributeValue text(String value) {
		return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
	}

}
