package dev.eventbus.consume;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Reads how many messages an SQS queue holds (a listener's queue or its dead-letter queue),
 * with one {@code GetQueueAttributes} call; the URL of each queue name is looked up once and
 * kept. The numbers are SQS's approximations. Used by the health indicator and the
 * {@code eventbus} endpoint; it caches nothing else, so callers that are asked often cache the
 * depths themselves.
 */
public final class QueueDepths {

	private final SqsAsyncClient sqs;

	private final Map<String, String> urls = new ConcurrentHashMap<>();

	/**
	 * Creates the reader.
	 * @param sqs the SQS client
	 */
	public QueueDepths(SqsAsyncClient sqs) {
		this.sqs = sqs;
	}

	/**
	 * Reads the depth of a queue now.
	 * @param queueName the queue name
	 * @return its depth
	 * @throws software.amazon.awssdk.core.exception.SdkException if SQS cannot be asked or the
	 * queue does not exist
	 */
	public Depth read(String queueName) {
		try {
			String url = this.urls.computeIfAbsent(queueName,
					(name) -> this.sqs.getQueueUrl((request) -> request.queueName(name)).join().queueUrl());
			Map<QueueAttributeName, String> attributes = this.sqs
				.getQueueAttributes((request) -> request.queueUrl(url)
					.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
							QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
				.join()
				.attributes();
			return new Depth(number(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
					number(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	private static long number(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
		String value = attributes.get(name);
		return (value != null) ? Long.parseLong(value) : 0;
	}

	/**
	 * The depth of a queue.
	 *
	 * @param visible messages available for retrieval ({@code ApproximateNumberOfMessages})
	 * @param inFlight messages received and not yet deleted or visible again
	 * ({@code ApproximateNumberOfMessagesNotVisible})
	 */
	public record Depth(long visible, long inFlight) {
	}

}
