package dev.eventbus.provision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import dev.eventbus.Action;
import dev.eventbus.transport.TopicResolver;

/**
 * Creates ({@link ProvisionMode#CREATE}) or checks ({@link ProvisionMode#VALIDATE}) the topic
 * of each channel and, for each listener, its queue, dead-letter queue with redrive policy,
 * subscription (with a filter policy on {@code action}: the actions the listener names, or all
 * the actions a listener can bind) and a
 * queue policy that lets only the channel's topic send. Idempotent: a second run changes
 * nothing that is already as wanted.
 */
public final class SnsSqsProvisioner implements TopicResolver {

	private static final Log logger = LogFactory.getLog(SnsSqsProvisioner.class);

	private final SnsClient sns;

	private final SqsAsyncClient sqs;

	private final NamingStrategy naming;

	private final Settings settings;

	private final SnsTopics topics;

	/**
	 * Creates a provisioner.
	 * @param sns the SNS client
	 * @param sqs the SQS client
	 * @param naming the naming strategy
	 * @param settings the provisioning settings
	 */
	public SnsSqsProvisioner(SnsClient sns, SqsAsyncClient sqs, NamingStrategy naming, Settings settings) {
		this.sns = sns;
		this.sqs = sqs;
		this.naming = naming;
		this.settings = settings;
		this.topics = new SnsTopics(sns, naming, settings.mode(), settings.fifo());
	}

	/**
	 * The provisioning mode.
	 * @return the mode
	 */
	public ProvisionMode mode() {
		return this.settings.mode();
	}

	/**
	 * The ARN of this application's topic of a channel, created in {@code create} mode and
	 * looked up otherwise.
	 * @param channel the channel
	 * @return the ARN
	 * @throws MissingResourcesException if the topic does not exist (not in {@code create} mode)
	 */
	public String topicArn(String channel) {
		return this.topics.ownTopicArn(channel);
	}

	/**
	 * The topic an event goes to: this application's topic of the channel as in
	 * {@link #topicArn(String)}; a recorded topic that is not this application's is looked up by
	 * name in every mode, never created. A missing topic is logged once and gives {@code null}.
	 */
	@Override
	public @Nullable String topicArn(String channel, @Nullable String topicName) {
		return this.topics.topicArn(channel, topicName);
	}

	/**
	 * Provisions (or validates) the topics of channels that are published.
	 * @param channels the channels
	 */
	public void provisionTopics(Collection<String> channels) {
		List<String> missing = new ArrayList<>();
		for (String channel : channels) {
			try {
				topicArn(channel);
			}
			catch (MissingResourcesException ex) {
				missing.addAll(ex.getMissing());
			}
		}
		if (!missing.isEmpty()) {
			throw new MissingResourcesException(missing, this.settings.mode());
		}
	}

	/**
	 * Provisions (or validates) the resources of one listener.
	 * @param listenerId the listener id
	 * @param channel the channel it listens to
	 * @param actions the actions it takes, empty for all
	 * @return the listener's queue
	 */
	public ListenerQueue provisionListener(String listenerId, String channel, Collection<Action> actions) {
		String queueName = this.naming.queueName(listenerId);
		String dlqName = this.naming.deadLetterQueueName(queueName);
		return switch (this.settings.mode()) {
			case CREATE -> create(queueName, dlqName, topicArn(channel), actions);
			case VALIDATE -> validate(queueName, dlqName, channel);
			case NONE -> new ListenerQueue(queueName, queueName, topicArn(channel), dlqName);
		};
	}

	private ListenerQueue create(String queueName, String dlqName, String topicArn, Collection<Action> actions) {
		Map<QueueAttributeName, String> dlqAttributes = new HashMap<>();
		dlqAttributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, seconds(this.settings.deadLetterRetention()));
		fifo(dlqAttributes);
		String dlqUrl = ensureQueue(dlqName, dlqAttributes);
		String dlqArn = queueArn(dlqUrl);
		String queueArn = dlqArn.substring(0, dlqArn.lastIndexOf(':') + 1) + queueName;
		Map<QueueAttributeName, String> attributes = new HashMap<>();
		attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, seconds(this.settings.visibilityTimeout()));
		attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, seconds(this.settings.messageRetention()));
		attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
				+ "\",\"maxReceiveCount\":" + this.settings.maxReceiveCount() + "}");
		attributes.put(QueueAttributeName.POLICY, queuePolicy(queueArn, topicArn));
		fifo(attributes);
		String queueUrl = ensureQueue(queueName, attributes);
		ensureSubscription(topicArn, queueArn, filterPolicy(actions));
		return new ListenerQueue(queueName, queueUrl, topicArn, dlqName);
	}

	private ListenerQueue validate(String queueName, String dlqName, String channel) {
		List<String> missing = new ArrayList<>();
		String topicArn = null;
		try {
			topicArn = topicArn(channel);
		}
		catch (MissingResourcesException ex) {
			missing.addAll(ex.getMissing());
		}
		Optional<String> queueUrl = queueUrl(queueName);
		if (queueUrl.isEmpty()) {
			missing.add("SQS queue '" + queueName + "'");
		}
		if (queueUrl(dlqName).isEmpty()) {
			missing.add("SQS dead-letter queue '" + dlqName + "'");
		}
		if (queueUrl.isPresent() && topicArn != null) {
			String queueArn = queueArn(queueUrl.get());
			if (findSubscription(topicArn, queueArn).isEmpty()) {
				missing.add("subscription of queue '" + queueName + "' to topic " + topicArn);
			}
		}
		if (!missing.isEmpty() || topicArn == null) {
			throw new MissingResourcesException(missing, this.settings.mode());
		}
		return new ListenerQueue(queueName, queueUrl.get(), topicArn, dlqName);
	}

	private String ensureQueue(String name, Map<QueueAttributeName, String> attributes) {
		Optional<String> existing = queueUrl(name);
		if (existing.isPresent()) {
			Map<QueueAttributeName, String> current = this.sqs
				.getQueueAttributes((request) -> request.queueUrl(existing.get())
					.attributeNames(attributes.keySet()))
				.join()
				.attributes();
			if (!attributes.entrySet().stream().allMatch((e) -> sameAttribute(e.getValue(), current.get(e.getKey())))) {
				Map<QueueAttributeName, String> changeable = new HashMap<>(attributes);
				changeable.remove(QueueAttributeName.FIFO_QUEUE);
				this.sqs.setQueueAttributes((request) -> request.queueUrl(existing.get()).attributes(changeable)).join();
				logger.info("eventbus updated the attributes of SQS queue " + name);
			}
			return existing.get();
		}
		String url = this.sqs.createQueue((request) -> request.queueName(name).attributes(attributes)).join().queueUrl();
		logger.info("eventbus created SQS queue " + name);
		return url;
	}

	private void ensureSubscription(String topicArn, String queueArn, String filterPolicy) {
		Optional<Subscription> existing = findSubscription(topicArn, queueArn);
		if (existing.isEmpty()) {
			Map<String, String> attributes = new HashMap<>();
			attributes.put("FilterPolicy", filterPolicy);
			if (this.settings.rawDelivery()) {
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
		String raw = Boolean.toString(this.settings.rawDelivery());
		if (!raw.equals(currentAttributes.getOrDefault("RawMessageDelivery", "false"))) {
			this.sns.setSubscriptionAttributes((request) -> request.subscriptionArn(subscriptionArn)
				.attributeName("RawMessageDelivery")
				.attributeValue(raw));
			logger.info("eventbus set raw message delivery of " + subscriptionArn + " to " + raw);
		}
		String current = currentAttributes.getOrDefault("FilterPolicy", "");
		if (!sameAttribute(filterPolicy, current)) {
			this.sns.setSubscriptionAttributes((request) -> request.subscriptionArn(subscriptionArn)
				.attributeName("FilterPolicy")
				.attributeValue(filterPolicy));
			logger.info("eventbus set filter policy of " + subscriptionArn + " to " + filterPolicy);
		}
	}

	private Optional<Subscription> findSubscription(String topicArn, String queueArn) {
		for (Subscription subscription : this.sns.listSubscriptionsByTopicPaginator((request) -> request.topicArn(topicArn))
			.subscriptions()) {
			if (queueArn.equals(subscription.endpoint()) && "sqs".equals(subscription.protocol())) {
				return Optional.of(subscription);
			}
		}
		return Optional.empty();
	}

	private Optional<String> queueUrl(String name) {
		try {
			return Optional.of(this.sqs.getQueueUrl((request) -> request.queueName(name)).join().queueUrl());
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof QueueDoesNotExistException) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	private String queueArn(String queueUrl) {
		return this.sqs
			.getQueueAttributes((request) -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
			.join()
			.attributes()
			.get(QueueAttributeName.QUEUE_ARN);
	}

	private void fifo(Map<QueueAttributeName, String> attributes) {
		if (this.settings.fifo()) {
			attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
		}
	}

	/**
	 * The filter policy of a listener's subscription. A listener that names no actions gets all
	 * the actions it can bind, so an action it does not know (a custom action of a newer
	 * publisher) is dropped by SNS instead of reaching its queue as poison.
	 */
	static String filterPolicy(Collection<Action> actions) {
		return (actions.isEmpty() ? List.of(Action.values()) : actions).stream()
			.distinct()
			.sorted()
			.map((action) -> "\"" + action.wireName() + "\"")
			.collect(Collectors.joining(",", "{\"action\":[", "]}"));
	}

	static String queuePolicy(String queueArn, String topicArn) {
		return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"eventbus-topic-only\",\"Effect\":\"Allow\","
				+ "\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\""
				+ queueArn + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + topicArn + "\"}}}]}";
	}

	private static boolean sameAttribute(String wanted, String current) {
		return normalized(wanted).equals(normalized(current));
	}

	private static String normalized(String attribute) {
		String compact = (attribute != null) ? attribute.replace(" ", "") : "";
		return compact.equals("{}") ? "" : compact;
	}

	private static String seconds(Duration duration) {
		return Long.toString(duration.toSeconds());
	}

	/**
	 * Provisioning settings.
	 *
	 * @param mode create, validate or none
	 * @param fifo whether topics and queues are FIFO
	 * @param maxReceiveCount deliveries before a message goes to the dead-letter queue
	 * @param visibilityTimeout the queues' visibility timeout
	 * @param deadLetterRetention how long dead letters are kept
	 * @param rawDelivery whether subscriptions use SNS raw message delivery
	 * @param messageRetention how long unconsumed messages stay in a listener queue
	 */
	public record Settings(ProvisionMode mode, boolean fifo, int maxReceiveCount, Duration visibilityTimeout,
			Duration deadLetterRetention, boolean rawDelivery, Duration messageRetention) {
	}

}
