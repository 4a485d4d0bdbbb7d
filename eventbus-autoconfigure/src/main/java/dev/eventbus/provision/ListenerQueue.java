package dev.eventbus.provision;

/**
 * The SQS resources of one listener.
 *
 * @param queueName the queue name
 * @param topicArn the ARN of the topic the queue is subscribed to
 * @param deadLetterQueueName the dead-letter queue name
 */
public record ListenerQueue(String queueName, String topicArn, String deadLetterQueueName) {
}
