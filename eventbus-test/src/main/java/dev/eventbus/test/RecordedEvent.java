package dev.eventbus.test;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.eventbus.Action;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.message.MalformedMessageException;

/**
 * One event the {@link EventRecorder} saw: its channel, action (in wire form, so that actions
 * other than {@link Action}'s read the same), id, entity id and message body, with the payload
 * readable as a map or bound to a type the way a listener's parameter is bound.
 */
public final class RecordedEvent {

	private static final int SHOWN_PAYLOAD = 300;

	private final UUID eventId;

	private final String channel;

	private final String action;

	private final String body;

	private final Supplier<EventMessageCodec> codec;

	private final long sequence;

	private @Nullable JsonNode tree;

	RecordedEvent(UUID eventId, String channel, String action, String body, Supplier<EventMessageCodec> codec,
			long sequence) {
		this.eventId = eventId;
		this.channel = channel;
		this.action = action;
		this.body = body;
		this.codec = codec;
		this.sequence = sequence;
	}

	/**
	 * The event id.
	 * @return the id
	 */
	public UUID eventId() {
		return this.eventId;
	}

	/**
	 * The channel, for example {@code Order}.
	 * @return the channel
	 */
	public String channel() {
		return this.channel;
	}

	/**
	 * The action in wire form, for example {@code created}.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

	/**
	 * The id of the entity the event concerns, as text.
	 * @return the entity id, or {@code null} for an event without one
	 */
	public @Nullable String entityId() {
		JsonNode id = tree().get("entityId");
		return (id == null || id.isNull()) ? null : id.asString();
	}

	/**
	 * The message body: the JSON envelope as listeners receive it.
	 * @return the body
	 */
	public String body() {
		return this.body;
	}

	/**
	 * The payload as a map of attribute names to JSON values.
	 * @return the payload
	 */
	@SuppressWarnings("unchecked")
	public Map<String, @Nullable Object> payload() {
		return payload(Map.class);
	}

	/**
	 * The payload bound to a type, with the same conversion as a listener parameter of that type.
	 * @param type the type, for example a record with the attributes a listener reads
	 * @param <T> the type
	 * @return the converted payload
	 * @throws dev.eventbus.message.MalformedMessageException if the payload does not convert
	 */
	public <T> T payload(Class<T> type) {
		EventMessageCodec codec = this.codec.get();
		return codec.convert(tree().get("payload"), codec.javaType(type));
	}

	/**
	 * Whether the event has this channel and action.
	 * @param channel the channel
	 * @param action the action in wire form (case is ignored)
	 * @return whether both match
	 */
	public boolean is(String channel, String action) {
		return this.channel.equals(channel) && this.action.equalsIgnoreCase(action);
	}

	/**
	 * The payload bound to a type for an assertion or a scenario: a payload that does not bind
	 * fails the test, naming the event and the type.
	 */
	<T> T payloadAsserted(Class<T> type) {
		try {
			return payload(type);
		}
		catch (MalformedMessageException ex) {
			throw new AssertionError("The payload of " + this + " does not bind to " + type.getSimpleName() + ": "
					+ ex.getMessage(), ex);
		}
	}

	long sequence() {
		return this.sequence;
	}

	private synchronized JsonNode tree() {
		if (this.tree == null) {
			this.tree = this.codec.get().readTree(this.body);
		}
		return this.tree;
	}

	/**
	 * Describes the event for failure messages: channel, action, entity id and payload.
	 * @return for example {@code Order created (entity 42) {"id":42,"status":"NEW"}}
	 */
	@Override
	public String toString() {
		String id = entityId();
		JsonNode payload = tree().get("payload");
		String shown = (payload != null) ? payload.toString() : "(no payload)";
		if (shown.length() > SHOWN_PAYLOAD) {
			shown = shown.substring(0, SHOWN_PAYLOAD) + "...";
		}
		return this.channel + " " + this.action + ((id != null) ? " (entity " + id + ")" : "") + " " + shown;
	}

}
