package dev.eventbus.test;

import java.util.Map;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What tests ask of an SQS queue: its URL by name, its ARN (to subscribe it to a topic) and how many
 * messages it holds.
 */
public final class Queues {

	private Queues() {
	}

	/**
	 * The URL of a queue.
	 * @param sqs the SQS client
	 * @param queueName the queue's name
	 * @return its URL
	 * @throws software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException (wrapped in a
	 * {@link java.util.concurrent.CompletionException}) if there is no such queue
	 */
	public static String url(SqsAsyncClient sqs, String queueName) {
		return sqs.getQueueUrl((request) -> request.queueName(queueName)).join().queueUrl();
	}

	/**
	 * The ARN of a queue, what an SNS subscription names as its endpoint.
	 * @param sqs the SQS client
	 * @param queueUrl the queue's URL
	 * @return its ARN
	 */
	public static String arn(SqsAsyncClient sqs, String queueUrl) {
		return sqs
			.getQueueAttributes((request) -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
			.join()
			.attributes()
			.get(QueueAttributeName.QUEUE_ARN);
	}

	/**
	 * How many messages a queue holds, waiting ({@code ApproximateNumberOfMessages}) and in flight, received but
	 * not yet deleted ({@code ApproximateNumberOfMessagesNotVisible}): zero once every message was handled and
	 * acknowledged.
	 * @param sqs the SQS client
	 * @param queueUrl the queue's URL
	 * @return the number of messages, approximate as SQS reports it
	 */
	public static long depth(SqsAsyncClient sqs, String queueUrl) {
		Map<QueueAttributeName, String> attributes = sqs
			.getQueueAttributes((request) -> request.queueUrl(queueUrl)
				.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
						QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
			.join()
			.attributes();
		return count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
				+ count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
	}

	private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
		String value = attributes.get(name);
		return (value != null) ? Long.parseLong(value) : 0;
	}

}
