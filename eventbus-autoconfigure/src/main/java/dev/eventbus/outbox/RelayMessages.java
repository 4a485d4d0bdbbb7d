package dev.eventbus.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.eventbus.transport.OutgoingMessage;

/**
 * What the relay hands the transport for an outbox row: the event id, the destination (the
 * channel and the topic name recorded at capture), the ordering key, the body and the message
 * attributes {@code channel}, {@code action}, {@code eventId} and {@code publisher}. The
 * publisher is the one recorded with the row, so it always equals the body's; a row without a
 * recorded topic (written before the outbox recorded topics) goes, as it did then, to the
 * relaying application's topic of its channel with the relaying application's publisher.
 */
final class RelayMessages {

	private final @Nullable String publisher;

	/**
	 * Creates the mapping of one relay.
	 * @param publisher the relaying application's publisher, if any: the {@code publisher}
	 * attribute of rows without a recorded topic
	 */
	RelayMessages(@Nullable String publisher) {
		this.publisher = publisher;
	}

	/**
	 * The messages of some rows.
	 * @param events the rows
	 * @return their messages, in the same order
	 */
	List<OutgoingMessage> of(List<PendingEvent> events) {
		List<OutgoingMessage> messages = new ArrayList<>(events.size());
		for (PendingEvent event : events) {
			messages.add(of(event));
		}
		return messages;
	}

	/**
	 * The message of a row.
	 * @param event the row
	 * @return its message
	 */
	OutgoingMessage of(PendingEvent event) {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("channel", event.channel());
		attributes.put("action", event.action());
		attributes.put("eventId", event.eventId().toString());
		String publisher = (event.topic() != null) ? event.publisher() : this.publisher;
		if (publisher != null) {
			attributes.put("publisher", publisher);
		}
		return new OutgoingMessage(event.eventId(), new OutgoingMessage.Destination(event.channel(), event.topic()),
				event.orderingKey(), event.body(), attributes);
	}

}
