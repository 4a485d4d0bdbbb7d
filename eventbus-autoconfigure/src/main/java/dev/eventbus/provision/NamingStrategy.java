package dev.eventbus.provision;

/**
 * Turns channels into SNS topic names and listeners into SQS queue names. The only place such
 * names are made.
 */
public interface NamingStrategy {

	/**
	 * The SNS topic name of a channel.
	 * @param channel the channel
	 * @return the topic name
	 * @throws InvalidResourceNameException if SNS does not allow the name
	 */
	String topicName(String channel);

	/**
	 * The SQS queue name of a listener.
	 * @param listenerId the listener id
	 * @return the queue name, at most 80 characters
	 */
	String queueName(String listenerId);

	/**
	 * The name of a queue's dead-letter queue.
	 * @param queueName the queue name
	 * @return the dead-letter queue name, at most 80 characters
	 */
	String deadLetterQueueName(String queueName);

}
