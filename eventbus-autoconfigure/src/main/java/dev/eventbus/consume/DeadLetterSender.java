package dev.eventbus.consume;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Sends messages to a listener's dead-letter queue, body unchanged, with the reason in the
 * {@value #ERROR_ATTRIBUTE} message attribute. SQS limits a message to the queue's
 * {@code MaximumMessageSize} (1 MiB by default) counting the body and every attribute's name, type
 * and value in UTF-8, so the reason is shortened to what is left; when the body leaves no room for
 * even one character of it, the message is sent without the attribute. Each message SQS accepted
 * counts in {@code eventbus.dead.lettered} ({@code listener}, {@code reason}, {@code error}) when
 * the application has a {@link MeterRegistry}.
 */
final class DeadLetterSender {

	/** The message attribute that carries the reason. */
	static final String ERROR_ATTRIBUTE = RegisteredListener.DEAD_LETTER_REASON_ATTRIBUTE;

	private static final String TYPE = "String";

	/** The longest reason sent, in UTF-8 bytes, even when there is room for more. */
	static final int MAX_REASON_BYTES = 1024;

	private static final int DEFAULT_MAXIMUM_MESSAGE_SIZE = 1_048_576;

	private static final String ELLIPSIS = "...";

	private final SqsAsyncClient sqs;

	private final String queueName;

	private final boolean fifo;

	private final String listener;

	private final @Nullable MeterRegistry meters;

	private volatile @Nullable Target target;

	DeadLetterSender(SqsAsyncClient sqs, String queueName) {
		this(sqs, queueName, queueName, null);
	}

	/**
	 * Creates the sender of one listener.
	 * @param sqs the SQS client
	 * @param queueName the dead-letter queue's name
	 * @param listener the listener id, the {@code listener} tag
	 * @param meters where {@code eventbus.dead.lettered} counts, {@code null} for nowhere
	 */
	DeadLetterSender(SqsAsyncClient sqs, String queueName, String listener, @Nullable MeterRegistry meters) {
		this.sqs = sqs;
		this.queueName = queueName;
		this.fifo = queueName.endsWith(".fifo");
		this.listener = listener;
		this.meters = meters;
	}

	/**
	 * Sends a message to the dead-letter queue, returns once SQS has accepted it and counts it.
	 * @param body the message body, sent as it is
	 * @param reason why it is dead-lettered (the attribute's value)
	 * @param kind the {@code reason} tag
	 * @param error the exception that made it a dead letter
	 * @return the reason as sent in the attribute, or {@code null} if the body left no room for it
	 * @throws RuntimeException the SDK's exception if the send fails; then nothing was sent or counted
	 */
	@Nullable String send(String body, @Nullable String reason, Reason kind, Throwable error) {
		String sent = send(body, reason);
		if (this.meters != null) {
			Counter.builder("eventbus.dead.lettered")
				.description("Messages eventbus moved to a dead-letter queue")
				.tag("listener", this.listener)
				.tag("reason", kind.tag)
				.tag("error", error.getClass().getSimpleName())
				.register(this.meters)
				.increment();
		}
		return sent;
	}

	/**
	 * Sends a message to the dead-letter queue and returns once SQS has accepted it.
	 * @param body the message body, sent as it is
	 * @param reason why it is dead-lettered
	 * @return the reason as sent in the attribute, or {@code null} if the body left no room for it
	 * @throws RuntimeException the SDK's exception (not wrapped) if the queue cannot be found or the send
	 * fails; then nothing was sent
	 */
	@Nullable String send(String body, @Nullable String reason) {
		try {
			Target queue = target();
			String error = fit((reason != null && !reason.isEmpty()) ? reason : "unreadable",
					queue.maximumMessageSize() - utf8Length(body) - utf8Length(ERROR_ATTRIBUTE) - utf8Length(TYPE));
			Map<String, MessageAttributeValue> attributes = (error != null)
					? Map.of(ERROR_ATTRIBUTE, MessageAttributeValue.builder().dataType(TYPE).stringValue(error).build())
					: Map.of();
			this.sqs.sendMessage((request) -> request.queueUrl(queue.url())
				.messageBody(body)
				.messageAttributes(attributes)
				.applyMutation((fifoRequest) -> {
					if (this.fifo) {
						fifoRequest.messageGroupId("eventbus-dead-letters")
							.messageDeduplicationId(UUID.randomUUID().toString());
					}
				})).join();
			return error;
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	private Target target() {
		Target queue = this.target;
		if (queue == null) {
			String url = this.sqs.getQueueUrl((request) -> request.queueName(this.queueName)).join().queueUrl();
			String size = this.sqs
				.getQueueAttributes((request) -> request.queueUrl(url).attributeNames(QueueAttributeName.MAXIMUM_MESSAGE_SIZE))
				.join()
				.attributes()
				.get(QueueAttributeName.MAXIMUM_MESSAGE_SIZE);
			queue = new Target(url, (size != null) ? Integer.parseInt(size.trim()) : DEFAULT_MAXIMUM_MESSAGE_SIZE);
			this.target = queue;
		}
		return queue;
	}

	/**
	 * The reason made fit for an attribute value of at most {@code room} UTF-8 bytes (and
	 * {@link #MAX_REASON_BYTES}): characters SQS does not accept become {@code ?}, and a reason that is too long
	 * is cut at a character boundary and ends with {@code ...}.
	 * @param reason the reason
	 * @param room the bytes left in the message
	 * @return the value, or {@code null} if not even one character fits
	 */
	static @Nullable String fit(String reason, int room) {
		int limit = Math.min(room, MAX_REASON_BYTES);
		if (limit < 1) {
			return null;
		}
		StringBuilder value = new StringBuilder();
		int bytes = 0;
		int length = utf8Length(reason);
		int budget = (length <= limit || limit <= ELLIPSIS.length()) ? limit : limit - ELLIPSIS.length();
		for (int i = 0; i < reason.length();) {
			int codePoint = reason.codePointAt(i);
			i += Character.charCount(codePoint);
			int c = isAllowed(codePoint) ? codePoint : '?';
			int size = utf8Length(c);
			if (bytes + size > budget) {
				return value.append((budget < limit) ? ELLIPSIS : "").toString();
			}
			value.appendCodePoint(c);
			bytes += size;
		}
		return value.toString();
	}

	/** The characters SQS allows in a message and its string attributes. */
	private static boolean isAllowed(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}

	private static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	private static int utf8Length(int codePoint) {
		return (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
	}

	private record Target(String url, int maximumMessageSize) {
	}

	/** Why eventbus dead-letters a message: the {@code reason} tag of {@code eventbus.dead.lettered}. */
	enum Reason {

		/** It cannot be read or bound (poison). */
		MALFORMED("malformed"),

		/** The listener threw a non-retryable exception. */
		NOT_RETRYABLE("not_retryable"),

		/** The listener failed on the last delivery {@code max-receive-count} allows. */
		MAX_DELIVERIES("max_deliveries");

		final String tag;

		Reason(String tag) {
			this.tag = tag;
		}

	}

}
