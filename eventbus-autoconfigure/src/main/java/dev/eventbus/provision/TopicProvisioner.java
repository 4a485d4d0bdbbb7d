package dev.eventbus.provision;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * Creates ({@link ProvisionMode#CREATE}) or finds (the other modes) SNS topics. It remembers
 * nothing: {@link CachingTopicResolver} keeps the ARNs.
 */
public final class TopicProvisioner {

	private final SnsClient sns;

	private final ProvisionMode mode;

	private final boolean fifo;

	/**
	 * Creates a topic provisioner.
	 * @param sns the SNS client
	 * @param mode the provisioning mode: topics are created in {@code create} mode only
	 * @param fifo whether topics are FIFO topics
	 */
	public TopicProvisioner(SnsClient sns, ProvisionMode mode, boolean fifo) {
		this.sns = sns;
		this.mode = mode;
		this.fifo = fifo;
	}

	/**
	 * The ARN of this application's topic of a channel: created in {@code create} mode
	 * ({@code CreateTopic} returns an existing topic), looked up otherwise.
	 * @param channel the channel
	 * @param name the topic name the naming strategy gives the channel
	 * @return the ARN
	 * @throws MissingResourcesException if the topic does not exist (not in {@code create} mode)
	 */
	public String topicArn(String channel, String name) {
		if (this.mode == ProvisionMode.CREATE) {
			Map<String, String> attributes = this.fifo
					? Map.of("FifoTopic", "true", "ContentBasedDeduplication", "false") : Map.of();
			return this.sns.createTopic((request) -> request.name(name).attributes(attributes)).topicArn();
		}
		return find(name).orElseThrow(() -> new MissingResourcesException(
				List.of("SNS topic '" + name + "' of channel '" + channel + "'"), this.mode));
	}

	/**
	 * Looks a topic up by name, never creating it.
	 * @param name the topic name
	 * @return the ARN, empty if there is no such topic
	 */
	public Optional<String> find(String name) {
		for (Topic topic : this.sns.listTopicsPaginator().topics()) {
			if (topic.topicArn().endsWith(":" + name)) {
				return Optional.of(topic.topicArn());
			}
		}
		return Optional.empty();
	}

}
