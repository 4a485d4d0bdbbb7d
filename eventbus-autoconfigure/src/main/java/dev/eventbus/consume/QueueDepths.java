package dev.eventbus.consume;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
			return depth(queueName).join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/**
	 * Asks SQS for the depth of a queue, without waiting (to read several queues at once).
	 * @param queueName the queue name
	 * @return the depth, when SQS answers; completed exceptionally with the SDK's exception if
	 * it cannot be asked or the queue does not exist
	 */
	public CompletableFuture<Depth> depth(String queueName) {
		String known = this.urls.get(queueName);
		CompletableFuture<String> url = (known != null) ? CompletableFuture.completedFuture(known)
				: this.sqs.getQueueUrl((request) -> request.queueName(queueName)).thenApply((response) -> {
					this.urls.put(queueName, response.queueUrl());
					return response.queueUrl();
				});
		return url.thenCompose((queueUrl) -> this.sqs.getQueueAttributes((request) -> request.queueUrl(queueUrl)
			.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
					QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)))
			.thenApply((response) -> new Depth(
					number(response.attributes(), QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
					number(response.attributes(), QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
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
