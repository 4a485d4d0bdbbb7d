package dev.eventbus.provision;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * Subscribes a listener's queue to its topic, or corrects the filter policy and raw message
 * delivery of the subscription that exists.
 */
final class SubscriptionProvisioner {

	private static final Log logger = LogFactory.getLog(SubscriptionProvisioner.class);

	private final SnsClient sns;

	private final boolean rawDelivery;

	SubscriptionProvisioner(SnsClient sns, boolean rawDelivery) {
		this.sns = sns;
		this.rawDelivery = rawDelivery;
	}

	/** Subscribes the queue to the topic, or corrects its subscription. */
	void ensure(String topicArn, String queueArn, String filterPolicy) {
		Optional<Subscription> existing = find(topicArn, queueArn);
		if (existing.isEmpty()) {
			Map<String, String> attributes = new HashMap<>();
			attributes.put("FilterPolicy", filterPolicy);
			if (this.rawDelivery) {
				attributes.put("RawMessageDelivery", "true");
			}
			this.sns.subscribe((request) -> request.topicArn(topicArn)
				.protocol("sqs")
				.endpoint(queueArn)
				.attributes(attributes)
				.returnSubscriptionArn(true));
			logger.info("eventbus subscribed " + queueArn + " to " + topicArn + " with filter policy " + filterPolicy);
			return;
		}
		String subscriptionArn = existing.get().subscriptionArn();
		Map<String, String> currentAttributes = this.sns
			.getSubscriptionAttributes((request) -> request.subscriptionArn(subscriptionArn))
			.attributes();
		String raw = Boolean.toString(this.rawDelivery);
		if (!raw.equals(currentAttributes.getOrDefault("RawMessageDelivery", "false"))) {
			setAttribute(subscriptionArn, "RawMessageDelivery", raw);
			logger.info("eventbus set raw message delivery of " + subscriptionArn + " to " + raw);
		}
		if (!PolicyDocuments.same(filterPolicy, currentAttributes.getOrDefault("FilterPolicy", ""))) {
			setAttribute(subscriptionArn, "FilterPolicy", filterPolicy);
			logger.info("eventbus set filter policy of " + subscriptionArn + " to " + filterPolicy);
		}
	}

	/** Whether the queue is subscribed to the topic. */
	boolean exists(String topicArn, String queueArn) {
		return find(topicArn, queueArn).isPresent();
	}

	private Optional<Subscription> find(String topicArn, String queueArn) {
		for (Subscription subscription : this.sns.listSubscriptionsByTopicPaginator((request) -> request.topicArn(topicArn))
			.subscriptions()) {
			if (queueArn.equals(subscription.endpoint()) && "sqs".equals(subscription.protocol())) {
				return Optional.of(subscription);
			}
		}
		return Optional.empty();
	}

	private void setAttribute(String subscriptionArn, String name, String value) {
		this.sns.setSubscriptionAttributes(
				(request) -> request.subscriptionArn(subscriptionArn).attributeName(name).attributeValue(value));
	}

}
