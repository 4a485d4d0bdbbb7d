package dev.eventbus.provision;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.eventbus.transport.TopicResolver;

/**
 * The transport's {@link TopicResolver}, which remembers each ARN it finds (an ARN never changes
 * for a name) and asks a {@link TopicProvisioner} for the rest, as Spring Cloud AWS's
 * {@code CachingTopicArnResolver} does for its delegate. This application's topic of a channel
 * is created in {@code create} mode and looked up otherwise. A topic recorded with an event that
 * is not this application's (another application's sharing the outbox table, or this
 * application's under an earlier prefix) is looked up by name in every mode and never created: it
 * belongs to the application that published the event, which provisions it.
 */
public final class CachingTopicResolver implements TopicResolver {

	private static final Log logger = LogFactory.getLog(CachingTopicResolver.class);

	private final TopicProvisioner topics;

	private final NamingStrategy naming;

	/** ARNs by topic name. */
	private final Map<String, String> arns = new ConcurrentHashMap<>();

	/** Missing topics that events go to, logged once each. */
	private final Set<String> missing = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a resolver.
	 * @param topics creates or finds the topics not resolved yet
	 * @param naming the naming strategy, which names this application's topics
	 */
	public CachingTopicResolver(TopicProvisioner topics, NamingStrategy naming) {
		this.topics = topics;
		this.naming = naming;
	}

	/**
	 * The ARN of this application's topic of a channel, created in {@code create} mode and
	 * looked up otherwise.
	 * @param channel the channel
	 * @return the ARN
	 * @throws MissingResourcesException if the topic does not exist (not in {@code create} mode)
	 */
	public String topicArn(String channel) {
		String name = this.naming.topicName(channel);
		String known = this.arns.get(name);
		return (known != null) ? known
				: this.arns.computeIfAbsent(name, (topic) -> this.topics.topicArn(channel, topic));
	}

	/**
	 * The ARN of this application's topic of a channel if it was resolved before, without
	 * calling SNS.
	 * @param channel the channel
	 * @return the ARN, {@code null} when not resolved yet
	 */
	public @Nullable String knownTopicArn(String channel) {
		return this.arns.get(this.naming.topicName(channel));
	}

	/**
	 * The topic an event goes to: this application's topic of the channel as in
	 * {@link #topicArn(String)}; a recorded topic that is not this application's is looked up by
	 * name in every mode, never created. A missing topic is logged once and gives {@code null}.
	 */
	@Override
	public @Nullable String topicArn(String channel, @Nullable String topicName) {
		String known = (topicName != null) ? this.arns.get(topicName) : null;
		if (known != null) {
			return known;
		}
		String what = (topicName != null) ? "SNS topic '" + topicName + "'" : "SNS topic of channel '" + channel + "'";
		String arn;
		if (topicName == null || topicName.equals(ownTopicName(channel))) {
			arn = ownTopicArnOrNull(channel);
		}
		else {
			arn = this.topics.find(topicName).orElse(null);
			if (arn != null) {
				this.arns.putIfAbsent(topicName, arn);
			}
		}
		if (arn == null) {
			if (this.missing.add(what)) {
				logger.warn("eventbus found no " + what + " for the events of channel '" + channel
						+ "'; they stay in the outbox and are retried with back-off until it exists");
			}
			return null;
		}
		if (this.missing.remove(what)) {
			logger.info("eventbus found " + what + " again");
		}
		return arn;
	}

	private @Nullable String ownTopicArnOrNull(String channel) {
		try {
			return topicArn(channel);
		}
		catch (MissingResourcesException ex) {
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

}
