package dev.eventbus.operations;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One dead letter as a peek shows it: what its body says of the event (inside the SNS notification
 * with envelope delivery, the body itself with raw delivery); {@code null} where the body does not
 * say it (a poison message may not be JSON at all).
 *
 * @param messageId the SQS message id in the dead-letter queue
 * @param eventId the event id
 * @param channel the channel
 * @param action the action in wire form
 */
public record DeadLetterSample(String messageId, @Nullable String eventId, @Nullable String channel,
		@Nullable String action) {

	private static final JsonMapper MAPPER = new JsonMapper();

	static DeadLetterSample of(Message message) {
		JsonNode event = event(message.body());
		return new DeadLetterSample(message.messageId(), text(event, "eventId"), text(event, "channel"),
				text(event, "action"));
	}

	private static @Nullable JsonNode event(String body) {
		JsonNode tree = parse(body);
		if (tree != null && "Notification".equals(tree.path("Type").asString(null))
				&& tree.path("Message").isString()) {
			return parse(tree.path("Message").asString());
		}
		return tree;
	}

	private static @Nullable JsonNode parse(String json) {
		try {
			JsonNode tree = MAPPER.readTree(json);
			return (tree != null && tree.isObject()) ? tree : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(@Nullable JsonNode event, String field) {
		JsonNode node = (event != null) ? event.get(field) : null;
		return (node != null && node.isString()) ? node.asString() : null;
	}

}
