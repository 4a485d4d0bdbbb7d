package dev.eventbus.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.consume.RegisteredListener;

/**
 * Peeks into and redrives the dead-letter queue of a listener, with plain SQS calls that work
 * the same on AWS and on emulators (neither fauxqs nor moto implements
 * {@code StartMessageMoveTask}, and that API could neither choose messages by reason nor drop
 * the reason attribute). Every call examines a bounded number of messages: received messages
 * stay invisible for {@value #HOLD_SECONDS} seconds (so that one call does not see a message
 * twice) and are made visible again before the call returns, unless they were moved.
 */
public final class DeadLetterQueues {

	/** The reason of messages without the {@code eventbus-error} attribute. */
	public static final String NO_REASON = "no reason recorded (moved by SQS after max-receive-count)";

	/** The number of messages a call examines when the caller does not say. */
	public static final int DEFAULT_MAX = 100;

	/** The most messages one call examines, whatever the caller asks. */
	public static final int MAX_LIMIT = 1000;

	/** Samples per reason in a peek. */
	static final int SAMPLES = 5;

	/** How long received dead letters stay invisible while a call runs. */
	static final int HOLD_SECONDS = 60;

	private final SqsQueues queues;

	private final Listeners listeners;

	/**
	 * Creates the operations.
	 * @param sqs the SQS client
	 * @param listeners the application's listeners
	 */
	public DeadLetterQueues(SqsAsyncClient sqs, ListenerContainers listeners) {
		this.queues = new SqsQueues(sqs);
		this.listeners = new Listeners(listeners);
	}

	/**
	 * Examines up to {@code max} messages of a listener's dead-letter queue without consuming them
	 * and groups them by reason.
	 * @param listenerId the listener id
	 * @param max the most messages to examine, {@code null} for {@value #DEFAULT_MAX} (at most
	 * {@value #MAX_LIMIT})
	 * @return what was found
	 * @throws UnknownListenerException if the application has no such listener
	 */
	public DeadLetterReport peek(String listenerId, @Nullable Integer max) {
		RegisteredListener listener = this.listeners.get(listenerId);
		String dlqName = listener.queue().deadLetterQueueName();
		String url = this.queues.url(dlqName);
		long approximate = this.queues.approximateMessages(url);
		int limit = limit(max);
		List<Message> held = new ArrayList<>();
		try {
			while (held.size() < limit) {
				List<Message> batch = this.queues.receive(url, limit - held.size(), HOLD_SECONDS);
				if (batch.isEmpty()) {
					break;
				}
				held.addAll(batch);
			}
		}
		finally {
			this.queues.release(url, held);
		}
		Map<String, List<Message>> byReason = new LinkedHashMap<>();
		held.forEach((message) -> byReason.computeIfAbsent(reason(message), (key) -> new ArrayList<>()).add(message));
		List<DeadLetterGroup> groups = new ArrayList<>();
		byReason.forEach((reason, messages) -> groups.add(group(reason, messages)));
		groups.sort(Comparator.comparingInt(DeadLetterGroup::count).reversed());
		return new DeadLetterReport(listenerId, dlqName, held.size(), approximate, approximate > held.size(), groups);
	}

	/**
	 * Moves up to {@code max} dead letters of a listener back to its queue, the body unchanged and
	 * every message attribute but {@code eventbus-error} kept: each batch is sent to the queue and
	 * only what the queue accepted is deleted from the dead-letter queue. On a FIFO queue a message
	 * keeps its message group and its dead-letter message id is the deduplication id.
	 * @param listenerId the listener id
	 * @param reason the reason of the messages to move, as a peek shows it (a message matches when
	 * its reason equals or starts with it), or {@code null} for all
	 * @param max the most messages to examine, {@code null} for {@value #DEFAULT_MAX} (at most
	 * {@value #MAX_LIMIT})
	 * @return what was moved and what was left
	 * @throws UnknownListenerException if the application has no such listener
	 */
	public RedriveResult redrive(String listenerId, @Nullable String reason, @Nullable Integer max) {
		RegisteredListener listener = this.listeners.get(listenerId);
		String dlqUrl = this.queues.url(listener.queue().deadLetterQueueName());
		String queueUrl = this.queues.url(listener.queue().queueName());
		boolean fifo = listener.queue().queueName().endsWith(".fifo");
		int limit = limit(max);
		int examined = 0;
		int moved = 0;
		List<Message> kept = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		try {
			while (examined < limit) {
				List<Message> batch = this.queues.receive(dlqUrl, limit - examined, HOLD_SECONDS);
				if (batch.isEmpty()) {
					break;
				}
				examined += batch.size();
				List<Message> matching = new ArrayList<>();
				for (Message message : batch) {
					(matches(reason, reason(message)) ? matching : kept).add(message);
				}
				List<SendMessageBatchRequestEntry> entries = new ArrayList<>(matching.size());
				for (int i = 0; i < matching.size(); i++) {
					entries.add(resend(Integer.toString(i), matching.get(i), fifo));
				}
				SqsQueues.Sent sent;
				try {
					sent = this.queues.send(queueUrl, entries);
				}
				catch (RuntimeException ex) {
					kept.addAll(matching);
					throw ex;
				}
				errors.addAll(sent.errors());
				List<Message> accepted = new ArrayList<>();
				for (int i = 0; i < matching.size(); i++) {
					(sent.accepted().contains(Integer.toString(i)) ? accepted : kept).add(matching.get(i));
				}
				// a message the dead-letter queue does not delete is in both queues: at least once
				List<String> notDeleted = this.queues.delete(dlqUrl, accepted);
				errors.addAll(notDeleted);
				moved += accepted.size() - notDeleted.size();
			}
		}
		finally {
			this.queues.release(dlqUrl, kept);
		}
		return new RedriveResult(listenerId, reason, examined, moved, examined - moved,
				this.queues.approximateMessages(dlqUrl), errors);
	}

	private static SendMessageBatchRequestEntry resend(String id, Message message, boolean fifo) {
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		message.messageAttributes().forEach((name, value) -> {
			if (!RegisteredListener.DEAD_LETTER_REASON_ATTRIBUTE.equals(name)) {
				attributes.put(name, MessageAttributeValue.builder()
					.dataType(value.dataType())
					.stringValue(value.stringValue())
					.binaryValue(value.binaryValue())
					.build());
			}
		});
		SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder()
			.id(id)
			.messageBody(message.body())
			.messageAttributes(attributes);
		if (fifo) {
			String group = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
			entry.messageGroupId((group != null) ? group : "eventbus-redrive").messageDeduplicationId(message.messageId());
		}
		return entry.build();
	}

	private static DeadLetterGroup group(String reason, List<Message> messages) {
		Instant first = null;
		Instant last = null;
		for (Message message : messages) {
			Instant sent = sentAt(message);
			first = (first == null || sent.isBefore(first)) ? sent : first;
			last = (last == null || sent.isAfter(last)) ? sent : last;
		}
		List<DeadLetterSample> samples = messages.stream().limit(SAMPLES).map(DeadLetterSample::of).toList();
		return new DeadLetterGroup(reason, messages.size(), (first != null) ? first : Instant.EPOCH,
				(last != null) ? last : Instant.EPOCH, samples);
	}

	/** When the message was sent to the dead-letter queue; the epoch if SQS does not say. */
	private static Instant sentAt(Message message) {
		String millis = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
		return (millis != null) ? Instant.ofEpochMilli(Long.parseLong(millis.trim())) : Instant.EPOCH;
	}

	static String reason(Message message) {
		MessageAttributeValue value = message.messageAttributes().get(RegisteredListener.DEAD_LETTER_REASON_ATTRIBUTE);
		return (value != null && value.stringValue() != null) ? value.stringValue() : NO_REASON;
	}

	private static boolean matches(@Nullable String wanted, String reason) {
		return wanted == null || reason.startsWith(wanted);
	}

	private static int limit(@Nullable Integer max) {
		if (max == null) {
			return DEFAULT_MAX;
		}
		if (max < 1) {
			throw new IllegalArgumentException("max must be at least 1, was " + max);
		}
		return Math.min(max, MAX_LIMIT);
	}

}
