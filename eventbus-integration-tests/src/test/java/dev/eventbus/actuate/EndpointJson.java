package dev.eventbus.actuate;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Finds the parts of the endpoint's JSON answers that the tests look at. */
final class EndpointJson {

	private EndpointJson() {
	}

	/** The channel of that name in the overview. */
	static JsonNode channel(JsonNode overview, String channel) {
		return find(overview.get("channels"), "channel", channel);
	}

	/** The listener of that id in the overview or the topology. */
	static JsonNode listener(JsonNode document, String id) {
		return find(document.get("listeners"), "id", id);
	}

	/** The statement of that Sid in an IAM policy. */
	static JsonNode statement(JsonNode policy, String sid) {
		return find(policy.get("Statement"), "Sid", sid);
	}

	/** The strings of a JSON array. */
	static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((node) -> values.add(node.asString()));
		return values;
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		return array.valueStream()
			.filter((node) -> node.path(field).asString().equals(value))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + array));
	}

}
