package dev.eventbus.test.inmemory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.eventbus.transport.EventTransport;
import dev.eventbus.transport.OutgoingMessage;

/**
 * The relay's transport in in-memory delivery: hands every event to {@link InMemoryDelivery}; an
 * event is never refused.
 */
final class InMemoryEventTransport implements EventTransport {

	private final InMemoryDelivery delivery;

	InMemoryEventTransport(InMemoryDelivery delivery) {
		this.delivery = delivery;
	}

	@Override
	public Map<UUID, String> send(List<OutgoingMessage> messages) {
		this.delivery.send(messages);
		return Map.of();
	}

}
