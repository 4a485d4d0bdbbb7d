package dev.eventbus.provision;

import java.util.Collection;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;


/**
 * The JSON documents eventbus writes into queue and subscription attributes: the queue policy,
 * the redrive policy and the filter policy, and how a wanted document is compared with the one
 * SQS or SNS returns.
 */
final class PolicyDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PolicyDocuments() {
	}

	/**
	 * The filter policy of a listener's subscription: the {@code action} values of
	 * {@link QueueRequest#deliveredActions(Collection)}.
	 */
	static String filterPolicy(Collection<String> actions) {
		ObjectNode policy = JSON.createObjectNode();
		ArrayNode names = policy.putArray("action");
		QueueRequest.deliveredActions(actions).forEach(names::add);
		return JSON.writeValueAsString(policy);
	}

	/** A queue policy that lets only the channel's topic send to the queue. */
	static String queuePolicy(String queueArn, String topicArn) {
		ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
		ObjectNode statement = policy.putArray("Statement").addObject();
		statement.put("Sid", "eventbus-topic-only").put("Effect", "Allow");
		statement.putObject("Principal").put("Service", "sns.amazonaws.com");
		statement.put("Action", "sqs:SendMessage").put("Resource", queueArn);
		statement.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", topicArn);
		return JSON.writeValueAsString(policy);
	}

	/** The redrive policy: after {@code maxReceiveCount} receives SQS moves a message to the dead-letter queue. */
	static String redrivePolicy(String deadLetterQueueArn, int maxReceiveCount) {
		// a number, as SQS and moto return it: a string would differ and be rewritten on every start
		return JSON.writeValueAsString(JSON.createObjectNode()
			.put("deadLetterTargetArn", deadLetterQueueArn)
			.put("maxReceiveCount", maxReceiveCount));
	}

	/**
	 * Whether an attribute SQS or SNS returns is the one wanted, ignoring spaces (the services
	 * may format a document differently) and taking an empty document for none.
	 */
	static boolean same(@Nullable String wanted, @Nullable String current) {
		return normalized(wanted).equals(normalized(current));
	}

	private static String normalized(@Nullable String attribute) {
		String compact = (attribute != null) ? attribute.replace(" ", "") : "";
		return compact.equals("{}") ? "" : compact;
	}

}
