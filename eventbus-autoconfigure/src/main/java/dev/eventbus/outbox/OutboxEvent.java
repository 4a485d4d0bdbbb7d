package dev.eventbus.outbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An event to append to the outbox.
 *
 * @param eventId the event id
 * @param channel the channel
 * @param action the action in wire form
 * @param entityId the entity id, if the event concerns an entity
 * @param topic the name of the topic the event goes to, chosen by the publishing application's
 * naming strategy (whichever instance relays it publishes it there)
 * @param publisher the publishing application, as in the body; the relay sends it as the
 * {@code publisher} attribute
 * @param body the message body (the JSON envelope)
 * @param createdAt when the event was captured
 * @param traceContext the trace context current at capture (see
 * {@link dev.eventbus.observation.OutboxTraceContext}), {@code null} without one
 */
public record OutboxEvent(UUID eventId, String channel, String action, @Nullable String entityId, String topic,
		@Nullable String publisher, String body, Instant createdAt, @Nullable String traceContext) {

	/**
	 * An event captured without a trace context.
	 * @param eventId the event id
	 * @param channel the channel
	 * @param action the action in wire form
	 * @param entityId the entity id, if any
	 * @param topic the topic name
	 * @param publisher the publisher, if any
	 * @param body the message body
	 * @param createdAt when the event was captured
	 */
	public OutboxEvent(UUID eventId, String channel, String action, @Nullable String entityId, String topic,
			@Nullable String publisher, String body, Instant createdAt) {
		this(eventId, channel, action, entityId, topic, publisher, body, createdAt, null);
	}

	/**
	 * The key within which events keep their order: {@code channel:entityId}.
	 * @return the ordering key
	 */
	public String orderingKey() {
		return (this.entityId != null) ? this.channel + ":" + this.entityId : this.channel;
	}

}
