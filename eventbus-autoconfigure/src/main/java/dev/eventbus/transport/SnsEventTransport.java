package dev.eventbus.transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Sends events with SNS {@code PublishBatch}, up to ten entries a call, one call after the
 * other per topic so that the events of an entity keep their order ({@code Publish} for a lone
 * event). Each event goes to the topic of its {@linkplain OutgoingMessage#destination()
 * destination}, as the {@link TopicResolver} finds it; an event recorded before topics were
 * goes to this application's topic of its channel. Each message carries the event's
 * attributes as SNS string attributes ({@code channel}, {@code action}, {@code eventId},
 * {@code publisher}); the {@code action} attribute is what subscription filter policies match.
 * A topic whose name ends in {@code .fifo} gets the ordering key ({@code channel:entityId}) as
 * message group and the event id as deduplication id.
 */
public final class SnsEventTransport implements EventTransport {

	/** SNS accepts at most ten entries in one {@code PublishBatch} call. */
	static final int MAX_BATCH = 10;

	private final SnsClient sns;

	private final TopicResolver topics;

	/**
	 * Creates the transport.
	 * @param sns the SNS client
	 * @param topics finds the topic of each event
	 */
	public SnsEventTransport(SnsClient sns, TopicResolver topics) {
		this.sns = sns;
		this.topics = topics;
	}

	@Override
	public Map<UUID, String> send(List<OutgoingMessage> messages) {
		Round round = new Round();
		Map<String, List<OutgoingMessage>> byTopic = byTopic(messages, round);
		for (Map.Entry<String, List<OutgoingMessage>> topic : byTopic.entrySet()) {
			sendToTopic(topic.getKey(), topic.getValue(), round);
		}
		if (round.unreachable != null && round.sent == 0) {
			throw round.unreachable;
		}
		return round.failures;
	}

	/**
	 * Groups the events by topic ARN, in the order they come. Events recorded before topics were
	 * and events recorded with this application's topic meet in one group, so an entity's events
	 * keep their order across an upgrade. An event whose topic does not exist fails (and so do the
	 * later events of its entity, when they are sent).
	 */
	private Map<String, List<OutgoingMessage>> byTopic(List<OutgoingMessage> messages, Round round) {
		Map<String, List<OutgoingMessage>> byTopic = new LinkedHashMap<>();
		Map<OutgoingMessage.Destination, Optional<String>> resolved = new HashMap<>();
		for (OutgoingMessage message : messages) {
			if (round.unreachable != null) {
				round.fail(message, "not sent: " + round.unreachable.getMessage());
				continue;
			}
			Optional<String> topicArn;
			try {
				topicArn = resolved.computeIfAbsent(message.destination(),
						(key) -> Optional.ofNullable(this.topics.topicArn(key.channel(), key.topic())));
			}
			catch (RuntimeException ex) {
				unreachable(message, ex, round);
				continue;
			}
			if (topicArn.isPresent()) {
				byTopic.computeIfAbsent(topicArn.get(), (arn) -> new ArrayList<>()).add(message);
			}
			else {
				round.fail(message, "SNS topic " + message.destination().describe() + " does not exist");
			}
		}
		return byTopic;
	}

	private void sendToTopic(String topicArn, List<OutgoingMessage> messages, Round round) {
		List<OutgoingMessage> batch = new ArrayList<>(MAX_BATCH);
		for (OutgoingMessage message : messages) {
			if (round.unreachable != null) {
				round.fail(message, "not sent: " + round.unreachable.getMessage());
			}
			else if (round.failedKeys.contains(message.orderingKey())) {
				round.fail(message, "an earlier event of " + message.orderingKey() + " was not sent");
			}
			else {
				batch.add(message);
				if (batch.size() == MAX_BATCH) {
					publish(topicArn, batch, round);
					batch.clear();
				}
			}
		}
		if (!batch.isEmpty()) {
			publish(topicArn, batch, round);
		}
	}

	private void publish(String topicArn, List<OutgoingMessage> batch, Round round) {
		boolean fifo = isFifo(topicArn);
		if (batch.size() == 1) {
			publishOne(topicArn, fifo, batch.get(0), round);
			return;
		}
		List<PublishBatchRequestEntry> entries = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			entries.add(entry(Integer.toString(i), batch.get(i), fifo));
		}
		PublishBatchResponse response;
		try {
			response = this.sns
				.publishBatch((request) -> request.topicArn(topicArn).publishBatchRequestEntries(entries));
		}
		catch (RuntimeException ex) {
			batch.forEach((message) -> unreachable(message, ex, round));
			return;
		}
		round.sent += response.successful().size();
		for (BatchResultErrorEntry error : response.failed()) {
			round.fail(batch.get(Integer.parseInt(error.id())), error.code() + ": " + error.message());
		}
	}

	/**
	 * A batch of one goes with {@code Publish}: cheaper for the client and the broker, so a
	 * lone event (the usual case at a moderate rate) arrives sooner. A parameter error is the
	 * event's failure, as it would be for a batch entry; any other error means the broker
	 * cannot be reached.
	 */
	private void publishOne(String topicArn, boolean fifo, OutgoingMessage message, Round round) {
		try {
			this.sns.publish((request) -> request.topicArn(topicArn)
				.message(message.body())
				.messageAttributes(attributes(message))
				.messageGroupId(fifo ? message.orderingKey() : null)
				.messageDeduplicationId(fifo ? message.id().toString() : null));
			round.sent++;
		}
		catch (AwsServiceException ex) {
			String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
			if (ex.statusCode() == 400 && code != null && code.startsWith("InvalidParameter")) {
				round.fail(message, code + ": " + ex.awsErrorDetails().errorMessage());
			}
			else {
				unreachable(message, ex, round);
			}
		}
		catch (RuntimeException ex) {
			unreachable(message, ex, round);
		}
	}

	private static void unreachable(OutgoingMessage message, RuntimeException ex, Round round) {
		round.unreachable = ex;
		round.fail(message, String.valueOf(ex.getMessage()));
	}

	private static PublishBatchRequestEntry entry(String id, OutgoingMessage message, boolean fifo) {
		PublishBatchRequestEntry.Builder entry = PublishBatchRequestEntry.builder()
			.id(id)
			.message(message.body())
			.messageAttributes(attributes(message));
		if (fifo) {
			entry.messageGroupId(message.orderingKey()).messageDeduplicationId(message.id().toString());
		}
		return entry.build();
	}

	private static Map<String, MessageAttributeValue> attributes(OutgoingMessage message) {
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		message.attributes().forEach((name, value) -> attributes.put(name, text(value)));
		return attributes;
	}

	/** SNS requires the names of FIFO topics, and only theirs, to end in {@code .fifo}. */
	private static boolean isFifo(String topicArn) {
		return topicArn.endsWith(".fifo");
	}

	private static MessageAttributeValue text(String value) {
		return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
	}

	private static final class Round {

		final Map<UUID, String> failures = new LinkedHashMap<>();

		final Set<String> failedKeys = new HashSet<>();

		int sent;

		@Nullable RuntimeException unreachable;

		void fail(OutgoingMessage message, String reason) {
			this.failures.put(message.id(), reason);
			this.failedKeys.add(message.orderingKey());
		}

	}

}
