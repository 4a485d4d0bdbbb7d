package dev.eventbus.provision;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.DigestUtils;

/**
 * Topic {@code <topic-prefix><channel>}; queue {@code <queue-prefix>-<listener id>} with
 * characters SQS does not allow replaced by {@code -}; dead-letter queue
 * {@code <queue>-dlq}. FIFO names end in {@code .fifo}. A queue name that would pass SQS's
 * 80-character limit is cut and given a hash of the full name, so it stays unique and stable.
 */
public final class DefaultNamingStrategy implements NamingStrategy {

	static final int MAX_QUEUE_NAME = 80;

	private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");

	private static final Pattern NOT_ALLOWED_IN_QUEUE = Pattern.compile("[^A-Za-z0-9_-]");

	private static final String DLQ_SUFFIX = "-dlq";

	private static final String FIFO_SUFFIX = ".fifo";

	private final String topicPrefix;

	private final @Nullable String queuePrefix;

	private final boolean fifo;

	/**
	 * Creates the strategy.
	 * @param topicPrefix prefix of topic names
	 * @param queuePrefix prefix of queue names, usually the application name; without one,
	 * asking for a queue name throws {@link MissingQueuePrefixException}
	 * @param fifo whether topics and queues are FIFO
	 */
	public DefaultNamingStrategy(String topicPrefix, @Nullable String queuePrefix, boolean fifo) {
		this.topicPrefix = topicPrefix;
		this.queuePrefix = queuePrefix;
		this.fifo = fifo;
	}

	@Override
	public String topicName(String channel) {
		String name = this.topicPrefix + channel;
		int max = this.fifo ? 256 - FIFO_SUFFIX.length() : 256;
		if (!TOPIC_NAME.matcher(name).matches() || name.length() > max) {
			throw new InvalidResourceNameException(name, "SNS topic name '" + name + "' (topic prefix '"
					+ this.topicPrefix + "' + channel '" + channel + "') is not allowed: SNS topic names are 1 to "
					+ max + " characters of A-Z, a-z, 0-9, '-' and '_'");
		}
		return this.fifo ? name + FIFO_SUFFIX : name;
	}

	@Override
	public String queueName(String listenerId) {
		if (this.queuePrefix == null || this.queuePrefix.isBlank()) {
			throw new MissingQueuePrefixException();
		}
		String base = NOT_ALLOWED_IN_QUEUE.matcher(this.queuePrefix + "-" + listenerId).replaceAll("-");
		int max = MAX_QUEUE_NAME - DLQ_SUFFIX.length() - (this.fifo ? FIFO_SUFFIX.length() : 0);
		if (base.length() > max) {
			String hash = HexFormat.of()
				.formatHex(DigestUtils.md5Digest(base.getBytes(StandardCharsets.UTF_8)))
				.substring(0, 8);
			base = base.substring(0, max - hash.length() - 1) + "-" + hash;
		}
		return this.fifo ? base + FIFO_SUFFIX : base;
	}

	@Override
	public String deadLetterQueueName(String queueName) {
		if (this.fifo && queueName.endsWith(FIFO_SUFFIX)) {
			return queueName.substring(0, queueName.length() - FIFO_SUFFIX.length()) + DLQ_SUFFIX + FIFO_SUFFIX;
		}
		return queueName + DLQ_SUFFIX;
	}

}
