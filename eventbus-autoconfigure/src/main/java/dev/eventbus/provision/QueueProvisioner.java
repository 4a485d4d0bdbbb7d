package dev.eventbus.provision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates ({@link ProvisionMode#CREATE}) or checks ({@link ProvisionMode#VALIDATE}) a listener's
 * queue, its dead-letter queue with the redrive policy, the queue policy that lets only the
 * channel's topic send, and the subscription to that topic with a filter policy on
 * {@code action}. Idempotent: a second run changes nothing that is already as wanted. In
 * {@link ProvisionMode#NONE} mode it touches no queue and only looks the topic up.
 */
public final class QueueProvisioner {

	private static final Log logger = LogFactory.getLog(QueueProvisioner.class);

	private final SqsAsyncClient sqs;

	private final SubscriptionProvisioner subscriptions;

	private final CachingTopicResolver topics;

	private final NamingStrategy naming;

	private final ProvisionSettings settings;

	/**
	 * Creates a queue provisioner.
	 * @param sqs the SQS client
	 * @param sns the SNS client, for subscriptions
	 * @param topics gives the ARN of the topic of a listener's channel
	 * @param naming the naming strategy
	 * @param settings the provisioning settings
	 */
	public QueueProvisioner(SqsAsyncClient sqs, SnsClient sns, CachingTopicResolver topics, NamingStrategy naming,
			ProvisionSettings settings) {
		this.sqs = sqs;
		this.subscriptions = new SubscriptionProvisioner(sns, settings.rawDelivery());
		this.topics = topics;
		this.naming = naming;
		this.settings = settings;
	}

	/**
	 * Provisions (or validates) the resources of one listener.
	 * @param request the listener's id, channel and actions
	 * @return the listener's queue
	 * @throws MissingResourcesException naming everything of the listener's that is missing
	 * (not in {@code create} mode)
	 */
	public ListenerQueue provision(QueueRequest request) {
		String queueName = this.naming.queueName(request.listenerId());
		String dlqName = this.naming.deadLetterQueueName(queueName);
		return switch (this.settings.mode()) {
			case CREATE -> create(queueName, dlqName, this.topics.topicArn(request.channel()), request);
			case VALIDATE -> validate(queueName, dlqName, request.channel());
			case NONE -> new ListenerQueue(queueName, this.topics.topicArn(request.channel()), dlqName);
		};
	}

	private ListenerQueue create(String queueName, String dlqName, String topicArn, QueueRequest request) {
		Map<QueueAttributeName, String> dlqAttributes = new HashMap<>();
		dlqAttributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, seconds(this.settings.deadLetterRetention()));
		fifo(dlqAttributes);
		String dlqArn = queueArn(ensureQueue(dlqName, dlqAttributes));
		String queueArn = dlqArn.substring(0, dlqArn.lastIndexOf(':') + 1) + queueName;
		Map<QueueAttributeName, String> attributes = new HashMap<>();
		attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, seconds(this.settings.visibilityTimeout()));
		attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, seconds(this.settings.messageRetention()));
		attributes.put(QueueAttributeName.REDRIVE_POLICY,
				PolicyDocuments.redrivePolicy(dlqArn, this.settings.maxReceiveCount()));
		attributes.put(QueueAttributeName.POLICY, PolicyDocuments.queuePolicy(queueArn, topicArn));
		fifo(attributes);
		ensureQueue(queueName, attributes);
		this.subscriptions.ensure(topicArn, queueArn, PolicyDocuments.filterPolicy(request.actions()));
		return new ListenerQueue(queueName, topicArn, dlqName);
	}

	private ListenerQueue validate(String queueName, String dlqName, String channel) {
		List<String> missing = new ArrayList<>();
		String topicArn = null;
		try {
			topicArn = this.topics.topicArn(channel);
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
		if (queueUrl.isPresent() && topicArn != null && !this.subscriptions.exists(topicArn, queueArn(queueUrl.get()))) {
			missing.add("subscription of queue '" + queueName + "' to topic " + topicArn);
		}
		if (!missing.isEmpty() || topicArn == null) {
			throw new MissingResourcesException(missing, this.settings.mode());
		}
		return new ListenerQueue(queueName, topicArn, dlqName);
	}

	private String ensureQueue(String name, Map<QueueAttributeName, String> attributes) {
		Optional<String> existing = queueUrl(name);
		if (existing.isPresent()) {
			Map<QueueAttributeName, String> current = this.sqs
				.getQueueAttributes((request) -> request.queueUrl(existing.get())
					.attributeNames(attributes.keySet()))
				.join()
				.attributes();
			if (!attributes.entrySet()
				.stream()
				.allMatch((e) -> PolicyDocuments.same(e.getValue(), current.get(e.getKey())))) {
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

	/** A duration as SQS attributes give it: whole seconds. */
	static String seconds(Duration duration) {
		return Long.toString(duration.toSeconds());
	}

}
