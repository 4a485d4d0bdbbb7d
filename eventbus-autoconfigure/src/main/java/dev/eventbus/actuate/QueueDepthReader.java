package dev.eventbus.actuate;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Reads how many messages an SQS queue holds ({@code GetQueueAttributes}), looking each queue
 * URL up once. Reads start at once and complete apart, so the depths of all listeners take
 * about one round trip.
 */
final class QueueDepthReader {

	private final SqsAsyncClient sqs;

	private final Map<String, String> urls = new ConcurrentHashMap<>();

	QueueDepthReader(SqsAsyncClient sqs) {
		this.sqs = sqs;
	}

	/** Starts reading the depth of a queue by name. */
	CompletableFuture<EventBusStatus.Depth> depth(String queueName) {
		return url(queueName).thenCompose((url) -> this.sqs
			.getQueueAttributes((request) -> request.queueUrl(url)
				.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
						QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
			.thenApply((response) -> new EventBusStatus.Depth(
					count(response.attributes(), QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
					count(response.attributes(), QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))));
	}

	private CompletableFuture<String> url(String queueName) {
		String known = this.urls.get(queueName);
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		return this.sqs.getQueueUrl((request) -> request.queueName(queueName)).thenApply((response) -> {
			this.urls.put(queueName, response.queueUrl());
			return response.queueUrl();
		});
	}

	private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
		String value = attributes.get(name);
		return (value != null) ? Long.parseLong(value) : 0;
	}

}
