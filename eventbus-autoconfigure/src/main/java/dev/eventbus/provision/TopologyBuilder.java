package dev.eventbus.provision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes the {@link Topology} of an application from its naming strategy, its provisioning
 * settings, the channels it publishes and what its listeners need, without calling AWS. The
 * queue, redrive, and filter policies are the documents {@code create} mode writes
 * ({@link PolicyDocuments}), so a team that forbids {@code create} in production can deploy
 * exactly what {@code create} would build.
 */
public final class TopologyBuilder {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
	};

	private final NamingStrategy naming;

	private final ProvisionSettings settings;

	/**
	 * Creates the builder.
	 * @param naming the naming strategy
	 * @param settings the provisioning settings
	 */
	public TopologyBuilder(NamingStrategy naming, ProvisionSettings settings) {
		this.naming = naming;
		this.settings = settings;
	}

	/**
	 * Computes the topology.
	 * @param publishedChannels the channels this application publishes
	 * @param listeners what its listeners need
	 * @param account the region and account of the ARNs
	 * @return the topology
	 */
	public Topology build(Collection<String> publishedChannels, List<QueueRequest> listeners, AwsAccount account) {
		Map<String, Topology.Topic> topics = new TreeMap<>();
		for (String channel : publishedChannels) {
			topics.put(channel, topic(channel, true, account));
		}
		List<Topology.Listener> resources = new ArrayList<>();
		Set<String> listenedTopics = new LinkedHashSet<>();
		for (QueueRequest request : listeners) {
			Topology.Topic topic = topics.computeIfAbsent(request.channel(), (channel) -> topic(channel, false, account));
			listenedTopics.add(topic.arn());
			resources.add(listener(request, topic.arn(), account));
		}
		List<String> publishedTopics = topics.values()
			.stream()
			.filter(Topology.Topic::published)
			.map(Topology.Topic::arn)
			.toList();
		IamPolicies iam = new IamPolicies(publishedTopics, listenedTopics,
				resources.stream().map((listener) -> listener.queue().arn()).toList(),
				resources.stream().map((listener) -> listener.deadLetterQueue().arn()).toList());
		ProvisionMode runtimeMode = (this.settings.mode() == ProvisionMode.CREATE) ? ProvisionMode.NONE
				: this.settings.mode();
		return new Topology(name(this.settings.mode()), this.settings.fifo(), account.region(), account.accountId(),
				List.copyOf(topics.values()), List.copyOf(resources),
				new Topology.Iam(name(runtimeMode), iam.runtime(runtimeMode), iam.create()));
	}

	private Topology.Topic topic(String channel, boolean published, AwsAccount account) {
		String name = this.naming.topicName(channel);
		Map<String, String> attributes = this.settings.fifo()
				? Map.of("FifoTopic", "true", "ContentBasedDeduplication", "false") : Map.of();
		return new Topology.Topic(channel, name, account.topicArn(name), published, attributes);
	}

	private Topology.Listener listener(QueueRequest request, String topicArn, AwsAccount account) {
		String queueName = this.naming.queueName(request.listenerId());
		String dlqName = this.naming.deadLetterQueueName(queueName);
		String queueArn = account.queueArn(queueName);
		String dlqArn = account.queueArn(dlqName);
		Map<String, Object> dlqAttributes = new LinkedHashMap<>();
		dlqAttributes.put("MessageRetentionPeriod", QueueProvisioner.seconds(this.settings.deadLetterRetention()));
		fifo(dlqAttributes);
		Map<String, Object> queueAttributes = new LinkedHashMap<>();
		queueAttributes.put("VisibilityTimeout", QueueProvisioner.seconds(this.settings.visibilityTimeout()));
		queueAttributes.put("MessageRetentionPeriod", QueueProvisioner.seconds(this.settings.messageRetention()));
		queueAttributes.put("RedrivePolicy",
				document(PolicyDocuments.redrivePolicy(dlqArn, this.settings.maxReceiveCount())));
		queueAttributes.put("Policy", document(PolicyDocuments.queuePolicy(queueArn, topicArn)));
		fifo(queueAttributes);
		Map<String, Object> subscription = new LinkedHashMap<>();
		subscription.put("FilterPolicy", document(PolicyDocuments.filterPolicy(request.actions())));
		subscription.put("RawMessageDelivery", Boolean.toString(this.settings.rawDelivery()));
		return new Topology.Listener(request.listenerId(), request.channel(),
				new Topology.Queue(queueName, queueArn, queueAttributes),
				new Topology.Queue(dlqName, dlqArn, dlqAttributes),
				new Topology.Subscription(topicArn, "sqs", queueArn, subscription));
	}

	private void fifo(Map<String, Object> attributes) {
		if (this.settings.fifo()) {
			attributes.put("FifoQueue", "true");
		}
	}

	private static Map<String, Object> document(String json) {
		return JSON.readValue(json, DOCUMENT);
	}

	private static String name(ProvisionMode mode) {
		return mode.name().toLowerCase(Locale.ROOT);
	}

}
