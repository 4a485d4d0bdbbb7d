package dev.eventbus.provision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM policy documents of an application, from the ARNs of its resources. Each statement
 * names the SDK calls it is for: the actions are those eventbus and Spring Cloud AWS call in
 * each provisioning mode (see the provisioners, {@code SnsEventTransport}, the listener
 * containers, {@code DeadLetterSender}, {@code OutageProbes}); {@code *Batch} calls are
 * authorized by the action without {@code Batch}. Actions that IAM does not scope to a
 * resource ({@code sns:ListTopics}, {@code sqs:ListQueues}, the subscription attribute calls,
 * which name a subscription, not a topic) get {@code "*"}.
 */
final class IamPolicies {

	private static final String ANY = "*";

	private final Collection<String> publishedTopics;

	private final Collection<String> listenedTopics;

	private final Collection<String> queues;

	private final Collection<String> deadLetterQueues;

	/**
	 * Creates the policies of an application.
	 * @param publishedTopics the ARNs of the topics it publishes to
	 * @param listenedTopics the ARNs of the topics its listeners are subscribed to
	 * @param queues the ARNs of its listeners' queues
	 * @param deadLetterQueues the ARNs of their dead-letter queues
	 */
	IamPolicies(Collection<String> publishedTopics, Collection<String> listenedTopics, Collection<String> queues,
			Collection<String> deadLetterQueues) {
		this.publishedTopics = List.copyOf(publishedTopics);
		this.listenedTopics = List.copyOf(listenedTopics);
		this.queues = List.copyOf(queues);
		this.deadLetterQueues = List.copyOf(deadLetterQueues);
	}

	/**
	 * What the application needs at run time in a mode.
	 * @param mode the provisioning mode
	 * @return the policy document
	 */
	Map<String, Object> runtime(ProvisionMode mode) {
		List<Map<String, Object>> statements = new ArrayList<>();
		add(statements, "EventbusPublish", this.publishedTopics, "sns:Publish");
		if (mode != ProvisionMode.CREATE && !(this.publishedTopics.isEmpty() && this.listenedTopics.isEmpty())) {
			// none and validate find topic ARNs by name (ListTopics)
			add(statements, "EventbusFindTopics", List.of(ANY), "sns:ListTopics");
		}
		if (mode == ProvisionMode.VALIDATE) {
			add(statements, "EventbusCheckSubscriptions", this.listenedTopics, "sns:ListSubscriptionsByTopic");
		}
		// the containers receive, delete and change visibility (heartbeat, retry back-off); SendMessage for
		// redrive and replay, which send to the listener's own queue
		add(statements, "EventbusConsume", this.queues, "sqs:GetQueueUrl", "sqs:GetQueueAttributes",
				"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:SendMessage");
		// SendMessage for poison and non-retryable messages; the rest to peek and redrive
		add(statements, "EventbusDeadLetters", this.deadLetterQueues, "sqs:GetQueueUrl", "sqs:GetQueueAttributes",
				"sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility");
		if (!this.queues.isEmpty()) {
			// the AWS outage probe of the consumption breakers
			add(statements, "EventbusProbeSqs", List.of(ANY), "sqs:ListQueues");
		}
		return document(statements);
	}

	/**
	 * What the application needs in {@code create} mode.
	 * @return the policy document
	 */
	Map<String, Object> create() {
		Map<String, Object> policy = runtime(ProvisionMode.CREATE);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> statements = (List<Map<String, Object>>) policy.get("Statement");
		List<String> topics = new ArrayList<>(this.publishedTopics);
		this.listenedTopics.stream().filter((arn) -> !topics.contains(arn)).forEach(topics::add);
		add(statements, "EventbusCreateTopics", topics, "sns:CreateTopic");
		List<String> queues = new ArrayList<>(this.queues);
		queues.addAll(this.deadLetterQueues);
		add(statements, "EventbusCreateQueues", queues, "sqs:CreateQueue", "sqs:SetQueueAttributes");
		add(statements, "EventbusSubscribe", this.listenedTopics, "sns:Subscribe", "sns:ListSubscriptionsByTopic");
		if (!this.listenedTopics.isEmpty()) {
			add(statements, "EventbusCorrectSubscriptions", List.of(ANY), "sns:GetSubscriptionAttributes",
					"sns:SetSubscriptionAttributes");
		}
		return policy;
	}

	private static void add(List<Map<String, Object>> statements, String sid, Collection<String> resources,
			String... actions) {
		if (resources.isEmpty()) {
			return;
		}
		Map<String, Object> statement = new LinkedHashMap<>();
		statement.put("Sid", sid);
		statement.put("Effect", "Allow");
		statement.put("Action", List.of(actions));
		statement.put("Resource", List.copyOf(resources));
		statements.add(statement);
	}

	private static Map<String, Object> document(List<Map<String, Object>> statements) {
		Map<String, Object> policy = new LinkedHashMap<>();
		policy.put("Version", "2012-10-17");
		policy.put("Statement", statements);
		return policy;
	}

}
