package dev.eventbus.provision;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * Finds SNS topics and keeps their ARNs (an ARN never changes for a name). This application's
 * topic of a channel is created in {@code create} mode and looked up otherwise. A topic recorded
 * with an event that is not this application's (another application's sharing the outbox table,
 * or this application's under an earlier prefix) is looked up by name in every mode and never
 * created: it belongs to the application that published the event, which provisions it.
 */
final class SnsTopics {

	private static final Log logger = LogFactory.getLog(SnsTopics.class);

	private final SnsClient sns;

	private final NamingStrategy naming;

	private final ProvisionMode mode;

	private final boolean fifo;

	private final Map<String, String> arns = new ConcurrentHashMap<>();

	/** Names of missing topics that events go to, logged once each. */
	private final Set<String> missing = ConcurrentHashMap.newKeySet();

	SnsTopics(SnsClient sns, NamingStrategy naming, ProvisionMode mode, boolean fifo) {
		this.sns = sns;
		this.naming = naming;
		this.mode = mode;
		this.fifo = fifo;
	}

	/** This application's topic of a channel; throws {@link MissingResourcesException} if missing. */
	String ownTopicArn(String channel) {
		String name = this.naming.topicName(channel);
		String known = this.arns.get(name);
		return (known != null) ? known : this.arns.computeIfAbsent(name, (topic) -> resolve(channel, topic));
	}

	/** The topic an event goes to, or {@code null} (logged once) if it does not exist. */
	@Nullable String topicArn(String channel, @Nullable String topicName) {
		String known = (topicName != null) ? this.arns.get(topicName) : null;
		if (known != null) {
			return known;
		}
		String what = (topicName != null) ? "SNS topic '" + topicName + "'" : "SNS topic of channel '" + channel + "'";
		try {
			String arn;
			if (topicName == null || topicName.equals(ownTopicName(channel))) {
				arn = ownTopicArn(channel);
			}
			else {
				arn = find(topicName).orElseThrow(() -> new MissingResourcesException(List.of(what), this.mode));
				this.arns.putIfAbsent(topicName, arn);
			}
			if (this.missing.remove(what)) {
				logger.info("eventbus found " + what + " again");
			}
			return arn;
		}
		catch (MissingResourcesException ex) {
			if (this.missing.add(what)) {
				logger.warn("eventbus found no " + what + " for the events of channel '" + channel
						+ "'; they stay in the outbox and are retried with back-off until it exists");
			}
			return null;
		}
	}

	private @Nullable String ownTopicName(String channel) {
		try {
			return this.naming.topicName(channel);
		}
		catch (InvalidResourceNameException ex) {
			// another application's channel that this application's prefix makes no name of
			return null;
		}
	}

	private String resolve(String channel, String name) {
		if (this.mode == ProvisionMode.CREATE) {
			Map<String, String> attributes = this.fifo
					? Map.of("FifoTopic", "true", "ContentBasedDeduplication", "false") : Map.of();
			return this.sns.createTopic((request) -> request.name(name).attributes(attributes)).topicArn();
		}
		return find(name).orElseThrow(() -> new MissingResourcesException(
				List.of("SNS topic '" + name + "' of channel '" + channel + "'"), this.mode));
	}

	private Optional<String> find(String name) {
		for (Topic topic : this.sns.listTopicsPaginator().topics()) {
			if (topic.topicArn().endsWith(":" + name)) {
				return Optional.of(topic.topicArn());
			}
		}
		return Optional.empty();
	}

}
