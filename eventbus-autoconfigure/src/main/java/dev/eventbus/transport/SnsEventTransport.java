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

import dev.eventbus.outbox.PendingEvent;

/**
 * Sends events with SNS {@code PublishBatch}, up to ten entries a call, one call after the
 * other per topic so that the events of an entity keep their order ({@code Publish} for a lone
 * event). Each event goes to the topic recorded with it, whichever application relays it; an
 * event recorded before topics were goes to this application's topic of its channel. Each
 * message carries the {@code channel}, {@code action}, {@code eventId} and {@code publisher}
 * attributes; the {@code action} attribute is what subscription filter policies match. The
 * {@code publisher} attribute is the publisher recorded with the event, so it always equals the
 * body's. A topic whose name ends in {@code .fifo} gets the message group
 * {@code channel:entityId} and the event id as deduplication id.
 */
public final class SnsEventTransport implements EventTransport {

	/** SNS accepts at most ten entries in one {@code PublishBatch} call. */
	static final int MAX_BATCH = 10;

	private final SnsClient sns;

	private final TopicResolver topics;

	private final @Nullable String publisher;

	/**
	 * Creates the transport.
	 * @param sns the SNS client
	 * @param topics finds the topic of each event
	 * @param publisher the publisher attribute of events recorded before publishers were (this
	 * application's), if any
	 */
	public SnsEventTransport(SnsClient sns, TopicResolver topics, @Nullable String publisher) {
		this.sns = sns;
		this.topics = topics;
		this.publisher = publisher;
	}

	@Override
	public Map<UUID, String> send(List<PendingEvent> events) {
		Round round = new Round();
		Map<String, List<PendingEvent>> byTopic = byTopic(events, round);
		for (Map.Entry<String, List<PendingEvent>> topic : byTopic.entrySet()) {
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
	private Map<String, List<PendingEvent>> byTopic(List<PendingEvent> events, Round round) {
		Map<String, List<PendingEvent>> byTopic = new LinkedHashMap<>();
		Map<Destination, Optional<String>> resolved = new HashMap<>();
		for (PendingEvent event : events) {
			if (round.unreachable != null) {
				round.fail(event, "not sent: " + round.unreachable.getMessage());
				continue;
			}
			Optional<String> topicArn;
			try {
				topicArn = resolved.computeIfAbsent(new Destination(event.channel(), event.topic()),
						(key) -> Optional.ofNullable(this.topics.topicArn(key.channel(), key.topic())));
			}
			catch (RuntimeException ex) {
				unreachable(event, ex, round);
				continue;
			}
			if (topicArn.isPresent()) {
				byTopic.computeIfAbsent(topicArn.get(), (arn) -> new ArrayList<>()).add(event);
			}
			else {
				round.fail(event, "SNS topic " + ((event.topic() != null) ? "'" + event.topic() + "'"
						: "of channel '" + event.channel() + "'") + " does not exist");
			}
		}
		return byTopic;
	}

	private void sendToTopic(String topicArn, List<PendingEvent> events, Round round) {
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
					publish(topicArn, batch, round);
					batch.clear();
				}
			}
		}
		if (!batch.isEmpty()) {
			publish(topicArn, batch, round);
		}
	}

	private void publish(String topicArn, List<PendingEvent> batch, Round round) {
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
	private void publishOne(String topicArn, boolean fifo, PendingEvent event, Round round) {
		try {
			this.sns.publish((request) -> request.topicArn(topicArn)
				.message(event.body())
				.messageAttributes(attributes(event))
				.messageGroupId(fifo ? event.orderingKey() : null)
				.messageDeduplicationId(fifo ? event.eventId().toString() : null));
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

	private PublishBatchRequestEntry entry(String id, PendingEvent event, boolean fifo) {
		PublishBatchRequestEntry.Builder entry = PublishBatchRequestEntry.builder()
			.id(id)
			.message(event.body())
			.messageAttributes(attributes(event));
		if (fifo) {
			entry.messageGroupId(event.orderingKey()).messageDeduplicationId(event.eventId().toString());
		}
		return entry.build();
	}

	private Map<String, MessageAttributeValue> attributes(PendingEvent event) {
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		attributes.put("channel", text(event.channel()));
		attributes.put("action", text(event.action()));
		attributes.put("eventId", text(event.eventId().toString()));
		String publisher = (event.topic() != null) ? event.publisher() : this.publisher;
		if (publisher != null) {
			attributes.put("publisher", text(publisher));
		}
		return attributes;
	}

	/** SNS requires the names of FIFO topics, and only theirs, to end in {@code .fifo}. */
	private static boolean isFifo(String topicArn) {
		return topicArn.endsWith(".fifo");
	}

	private static MessageAttributeValue text(String value) {
		return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
	}

	/** What decides an event's topic. */
	private record Destination(String channel, @Nullable String topic) {
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
