package dev.eventbus.transport;

import org.jspecify.annotations.Nullable;

/**
 * Finds the SNS topic an event goes to.
 */
@FunctionalInterface
public interface TopicResolver {

	/**
	 * The ARN of the topic an event goes to.
	 * @param channel the event's channel
	 * @param topicName the topic name recorded with the event, or {@code null} for an event
	 * recorded before topics were: then this application's topic of the channel
	 * @return the ARN, or {@code null} if there is no such topic
	 * @throws RuntimeException if the broker cannot be asked
	 */
	@Nullable String topicArn(String channel, @Nullable String topicName);

}
