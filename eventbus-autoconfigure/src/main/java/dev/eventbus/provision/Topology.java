package dev.eventbus.provision;

import java.util.List;
import java.util.Map;

/**
 * What an application needs from AWS, computed from its configuration and its listener methods
 * without calling AWS ({@link TopologyBuilder}): the topics, each listener's queue, dead-letter
 * queue and subscription with the attributes {@code create} mode gives them, and the IAM
 * policies the application needs. Attribute names are those of the SQS and SNS APIs (and of
 * CloudFormation); JSON documents (policies) are given as objects.
 *
 * @param provisionMode the configured {@code eventbus.provision.mode}
 * @param fifo whether topics and queues are FIFO
 * @param region the region of the ARNs, or {@value AwsAccount#REGION_PLACEHOLDER}
 * @param accountId the account of the ARNs, or {@value AwsAccount#ACCOUNT_PLACEHOLDER}
 * @param topics the topics: those this application publishes to and those its listeners are
 * subscribed to
 * @param listeners the resources of each listener
 * @param iam the IAM policies
 */
public record Topology(String provisionMode, boolean fifo, String region, String accountId, List<Topic> topics,
		List<Listener> listeners, Iam iam) {

	/**
	 * One SNS topic.
	 *
	 * @param channel the channel
	 * @param name the topic name
	 * @param arn the topic ARN
	 * @param published whether this application publishes to it (else only its listeners
	 * receive from it)
	 * @param attributes the attributes {@code create} mode sets ({@code FifoTopic},
	 * {@code ContentBasedDeduplication} in FIFO mode)
	 */
	public record Topic(String channel, String name, String arn, boolean published, Map<String, String> attributes) {
	}

	/**
	 * The resources of one listener.
	 *
	 * @param id the listener id
	 * @param channel the channel it listens to
	 * @param queue its queue
	 * @param deadLetterQueue its dead-letter queue
	 * @param subscription the subscription of its queue to the channel's topic
	 */
	public record Listener(String id, String channel, Queue queue, Queue deadLetterQueue, Subscription subscription) {
	}

	/**
	 * One SQS queue.
	 *
	 * @param name the queue name
	 * @param arn the queue ARN
	 * @param attributes the attributes {@code create} mode sets (the redrive and queue policies
	 * as objects)
	 */
	public record Queue(String name, String arn, Map<String, Object> attributes) {
	}

	/**
	 * One SNS subscription of a queue.
	 *
	 * @param topicArn the topic
	 * @param protocol always {@code sqs}
	 * @param endpoint the ARN of the subscribed queue
	 * @param attributes the attributes {@code create} mode sets: {@code FilterPolicy} (as an
	 * object) and {@code RawMessageDelivery}
	 */
	public record Subscription(String topicArn, String protocol, String endpoint, Map<String, Object> attributes) {
	}

	/**
	 * The least-privilege IAM policies of the application.
	 *
	 * @param runtimeMode the provisioning mode the runtime policy is for: the configured one, or
	 * {@code none} when that is {@code create}
	 * @param runtime what the application needs when its resources exist (deployed from this
	 * document): publishing, consuming, dead-lettering, redrive and replay, and the look-ups of
	 * {@code runtimeMode}
	 * @param create what it needs in {@code create} mode: the runtime actions without the
	 * look-ups, plus creating and correcting topics, queues and subscriptions
	 */
	public record Iam(String runtimeMode, Map<String, Object> runtime, Map<String, Object> create) {
	}

}
