package dev.eventbus.transport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

import dev.eventbus.outbox.PendingEvent;

/**
 * Sends events with SNS {@code PublishBatch}, up to ten entries a call, one call after the
 * other per topic so that the events of an entity keep their order ({@code Publish} for a lone
 * event). Each message carries the
 * {@code channel}, {@code action}, {@code eventId} and {@code publisher} attributes; the
 * {@code action} attribute is what subscription filter policies match.
 */
public final class SnsEventTransport implements EventTransport {

	/** SNS accepts at most ten entries in one {@code PublishBatch} call. */
	static final int MAX_BATCH = 10;

	private final SnsClient sns;

	private final TopicResolver topics;

	private final @Nullable String publisher;

	private final boolean fifo;

	/**
	 * Creates the transport.
	 * @param sns the SNS client
	 * @param topics resolves a channel to its topic ARN
	 * @param publisher the publisher attribute, if any
	 * @param fifo whether the topics are FIFO topics (message group {@code channel:entityId},
	 * deduplication id the event id)
	 */
	public SnsEventTransport(SnsClient sns, TopicResolver topics, @Nullable String publisher, boolean fifo) {
		this.sns = sns;
		this.topics = topics;
		this.publisher = publisher;
		this.fifo = fifo;
	}

	@Override
	public Map<UUID, String> send(List<PendingEvent> events) {
		Map<String, List<PendingEvent>> byChannel = new LinkedHashMap<>();
		for (PendingEvent event : events) {
			byChannel.computeIfAbsent(event.channel(), (channel) -> new ArrayList<>()).add(event);
		}
		Round round = new Round();
		for (Map.Entry<String, List<PendingEvent>> channel : byChannel.entrySet()) {
			sendToTopic(channel.getKey(), channel.getValue(), round);
		}
		if (round.unreachable != null && round.sent == 0) {
			throw round.unreachable;
		}
		return round.failures;
	}

	private void sendToTopic(String channel, List<PendingEvent> events, Round round) {
		List<PendingEvent> batch = new ArrayList<>(MAX_BATCH);
		for (PendingEvent event : events) {
			if (round.unreachable != null) {
				round.fail(event, "not sent: " + round.unreachable.getMessage());
			}
			else if (round.failedKeys.contains(event.orderingKey())) {
				round.fail(event, "an earlier event of " + event.orderingKey() + " was not sent");
			}
			else {
				batch.add(event);
				if (batch.size() == MAX_BATCH) {
					publish(channel, batch, round);
					batch.clear();
				}
			}
		}
		if (!batch.isEmpty()) {
			publish(channel, batch, round);
		}
	}

	private void publish(String channel, List<PendingEvent> batch, Round round) {
		if (batch.size() == 1) {
			publishOne(channel, batch.get(0), round);
			return;
		}
		List<PublishBatchRequestEntry> entries = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			entries.add(entry(Integer.toString(i), batch.get(i)));
		}
		PublishBatchResponse response;
		try {
			String topicArn = this.topics.topicArn(channel);
			response = this.sns
				.publishBatch((request) -> request.topicArn(topicArn).publishBatchRequestEntries(entries));
		}
		catch (RuntimeException ex) {
			batch.forEach((event) -> unreachable(event, ex, round));
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
	private void publishOne(String channel, PendingEvent event, Round round) {
		try {
			String topicArn = this.topics.topicArn(channel);
			this.sns.publish((request) -> request.topicArn(topicArn)
				.message(event.body())
				.messageAttributes(attributes(event))
				.messageGroupId(this.fifo ? event.orderingKey() : null)
				.messageDeduplicationId(this.fifo ? event.eventId().toString() : null));
			round.sent++;
		}
		catch (AwsServiceException ex) {
			String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
			if (ex.statusCode() == 400 && code != null && code.startsWith("InvalidParameter")) {
				round.fail(event, code + ": " + ex.awsErrorDetails().errorMessage());
			}
			else {
				unreachable(event, ex, round);
			}
		}
		catch (RuntimeException ex) {
			unreachable(event, ex, round);
		}
	}

	private static void unreachable(PendingEvent event, RuntimeException ex, Round round) {
		round.unreachable = ex;
		round.fail(event, String.valueOf(ex.getMessage()));
	}

	private PublishBatchRequestEntry entry(String id, PendingEvent event) {
		PublishBatchRequestEntry.Builder entry = PublishBatchRequestEntry.builder()
			.id(id)
			.message(event.body())
			.messageAttributes(attributes(event));
		if (this.fifo) {
			entry.messageGroupId(event.orderingKey()).messageDeduplicationId(event.eventId().toString());
		}
		return entry.build();
	}

	private Map<String, MessageAttributeValue> attributes(PendingEvent event) {
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		attributes.put("channel", text(event.channel()));
		attributes.put("action", text(event.action()));
		attributes.put("eventId", text(event.eventId().toString()));
		if (this.publisher != null) {
			attributes.put("publisher", text(this.publisher));
		}
		return attributes;
	}

	private static MessageAttributeValue text(String value) {
		return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
	}

	private static final class Round {

		final Map<UUID, String> failures = new LinkedHashMap<>();

		final Set<String> failedKeys = new HashSet<>();

		int sent;

		@Nullable RuntimeException unreachable;

		void fail(PendingEvent event, String reason) {
			this.failures.put(event.eventId(), reason);
			this.failedKeys.add(event.orderingKey());
		}

	}

}
