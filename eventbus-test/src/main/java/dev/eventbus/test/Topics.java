package dev.eventbus.test;

import java.util.List;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * What tests ask of SNS topics: a topic's ARN by its name.
 */
public final class Topics {

	private Topics() {
	}

	/**
	 * The ARN of the one topic of that name (reading every page of {@code ListTopics}).
	 * @param sns the SNS client
	 * @param topicName the topic's name, such as {@code orders-Order} or {@code orders-Order.fifo}
	 * @return its ARN
	 * @throws IllegalStateException if there is no topic of that name, or more than one
	 */
	public static String arn(SnsClient sns, String topicName) {
		List<String> arns = sns.listTopicsPaginator()
			.topics()
			.stream()
			.map(Topic::topicArn)
			.filter((arn) -> arn.endsWith(":" + topicName))
			.toList();
		if (arns.size() != 1) {
			throw new IllegalStateException(
					"Expected one SNS topic named " + topicName + " but found " + (arns.isEmpty() ? "none" : arns));
		}
		return arns.get(0);
	}

}
