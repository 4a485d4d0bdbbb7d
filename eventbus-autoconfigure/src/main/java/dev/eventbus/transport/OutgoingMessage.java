package dev.eventbus.transport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event to send, as the transport sees it: what to send and where, nothing of how the
 * outbox stores it.
 *
 * @param id the event id: failures are reported by it, and it is the deduplication id on a
 * FIFO topic
 * @param destination where the event goes
 * @param orderingKey the key within which events keep their order ({@code channel:entityId});
 * the message group on a FIFO topic
 * @param body the message body
 * @param attributes the message attributes by name, in order (the relay sends
 * {@code channel}, {@code action}, {@code eventId} and, when there is one, {@code publisher})
 */
public record OutgoingMessage(UUID id, Destination destination, String orderingKey, String body,
		Map<String, String> attributes) {

	/**
	 * Creates a message; the attributes are copied, in their order.
	 * @param id the event id
	 * @param destination where the event goes
	 * @param orderingKey the ordering key
	 * @param body the message body
	 * @param attributes the message attributes
	 */
	public OutgoingMessage {
		attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
	}

	/**
	 * Where an event goes: what a {@link TopicResolver} needs to find its topic.
	 *
	 * @param channel the event's channel
	 * @param topic the topic name recorded with the event, or {@code null} for an event
	 * recorded before topics were: then this application's topic of the channel
	 */
	public record Destination(String channel, @Nullable String topic) {

		/**
		 * Describes the topic, for error messages.
		 * @return {@code 'name'}, or {@code of channel 'channel'} without a recorded name
		 */
		String describe() {
			return (this.topic != null) ? "'" + this.topic + "'" : "of channel '" + this.channel + "'";
		}

	}

}
