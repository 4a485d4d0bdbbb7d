package dev.eventbus.message;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the JSON envelope. Uses its own {@link JsonMapper} so that an application's
 * Jackson settings (naming strategies, inclusion rules) never change the wire format.
 */
public final class EventMessageCodec {

	private final JsonMapper mapper;

	/**
	 * A codec with the default mapper: unknown payload attributes are ignored, a missing value
	 * of a primitive attribute becomes its default, decimals are read as
	 * {@link java.math.BigDecimal} so that amounts keep their exact value and scale, and written
	 * in plain notation ({@code 1000}, never {@code 1E+3}).
	 */
	public EventMessageCodec() {
		this(JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.build());
	}

	/**
	 * A codec with the given mapper, used for payloads (the envelope fields are written by
	 * name and never depend on the mapper's naming settings).
	 * @param mapper the mapper
	 */
	public EventMessageCodec(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The JSON body of a message.
	 * @param message the event
	 * @return the JSON text
	 */
	public String write(EventMessage message) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("eventId", message.eventId());
		body.put("channel", message.channel());
		body.put("action", message.action());
		body.put("entityType", message.entityType());
		body.put("entityId", message.entityId());
		body.put("occurredAt", message.occurredAt().toString());
		body.put("publisher", message.publisher());
		body.put("version", message.version());
		if (message.entityVersion() != null) {
			body.put("entityVersion", message.entityVersion());
		}
		body.put("payload", message.payload());
		if (message.changes() != null) {
			body.put("changes", message.changes());
		}
		return this.mapper.writeValueAsString(body);
	}

	/**
	 * Reads a message body.
	 * @param json the body
	 * @return the event
	 * @throws MalformedMessageException if the text is not JSON or not an envelope
	 */
	public EventMessage read(String json) {
		return read(readTree(json));
	}

	/**
	 * Reads a message body that is already parsed.
	 * @param tree the parsed body
	 * @return the event
	 * @throws MalformedMessageException if the tree is not an envelope
	 */
	@SuppressWarnings("unchecked")
	public EventMessage read(@Nullable JsonNode tree) {
		if (tree == null || !tree.isObject()) {
			throw new MalformedMessageException("body is not a JSON object", null);
		}
		JsonNode payload = tree.get("payload");
		if (payload == null || !payload.isObject()) {
			throw new MalformedMessageException("envelope has no 'payload' object", null);
		}
		JsonNode changes = tree.get("changes");
		try {
			String eventId = text(tree, "eventId");
			java.util.UUID.fromString(eventId);
			EventMessage message = new EventMessage(eventId, text(tree, "channel"), text(tree, "action"),
					optionalText(tree, "entityType", ""), optionalText(tree, "entityId", null),
					Instant.parse(text(tree, "occurredAt")), optionalText(tree, "publisher", null),
					tree.path("version").asInt(EventMessage.FORMAT_VERSION),
					tree.has("entityVersion") ? this.mapper.treeToValue(tree.get("entityVersion"), Object.class)
							: null,
					this.mapper.treeToValue(payload, Map.class),
					(changes != null && changes.isObject()) ? this.mapper.treeToValue(changes, Map.class) : null);
			checkAction(message.action());
			return message;
		}
		catch (RuntimeException ex) {
			if (ex instanceof MalformedMessageException) {
				throw ex;
			}
			throw new MalformedMessageException("envelope is invalid: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The payload of a published event as the envelope's JSON object, written with this codec's
	 * mapper (the one entity payloads are written with).
	 * @param payload a record, a class or a map
	 * @return the payload as a map of JSON values
	 * @throws IllegalArgumentException if the payload does not serialize, or not to a JSON object
	 */
	@SuppressWarnings("unchecked")
	public Map<String, @Nullable Object> payload(Object payload) {
		JsonNode tree;
		try {
			tree = this.mapper.valueToTree(payload);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The payload of type " + payload.getClass().getName()
					+ " does not serialize to JSON: " + ex.getOriginalMessage(), ex);
		}
		if (tree == null || !tree.isObject()) {
			throw new IllegalArgumentException("The payload of type " + payload.getClass().getName()
					+ " serializes to " + ((tree == null) ? "nothing" : "a JSON " + tree.getNodeType().name().toLowerCase(
							java.util.Locale.ROOT))
					+ ", and an event's payload must be a JSON object: publish a record, a class or a Map");
		}
		return this.mapper.treeToValue(tree, Map.class);
	}

	/**
	 * Converts a payload map (or any JSON value) to a Java type.
	 * @param value the value
	 * @param type the target type
	 * @param <T> the target type
	 * @return the converted value
	 * @throws MalformedMessageException if the value does not convert
	 */
	public <T> T convert(@Nullable Object value, JavaType type) {
		try {
			return this.mapper.convertValue(value, type);
		}
		catch (RuntimeException ex) {
			throw new MalformedMessageException("payload does not convert to " + type + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The mapper's Java type for a reflective type.
	 * @param type the type
	 * @return the Jackson type
	 */
	public JavaType javaType(java.lang.reflect.Type type) {
		return this.mapper.constructType(type);
	}

	/**
	 * Parses any JSON text (used for the SNS envelope around a message).
	 * @param json the text
	 * @return the tree
	 * @throws MalformedMessageException if the text is not JSON
	 */
	public JsonNode readTree(String json) {
		try {
			return this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new MalformedMessageException("body is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static void checkAction(String action) {
		if (!ActionNames.isValid(action)) {
			throw new MalformedMessageException("action '" + action + "' is not an action name (" + ActionNames.RULE + ")",
					null);
		}
	}

	private static String text(JsonNode tree, String field) {
		JsonNode node = tree.get(field);
		if (node == null || !node.isString()) {
			throw new MalformedMessageException("envelope has no '" + field + "' text", null);
		}
		return node.asString();
	}

	private static @Nullable String optionalText(JsonNode tree, String field, @Nullable String fallback) {
		JsonNode node = tree.get(field);
		return (node == null || node.isNull()) ? fallback : node.asString();
	}

}
