package dev.eventbus.transport;

/**
 * Turns a channel into the ARN of its SNS topic.
 */
@FunctionalInterface
public interface TopicResolver {

	/**
	 * The topic ARN of a channel.
	 * @param channel the channel
	 * @return the ARN
	 */
	String topicArn(String channel);

}
