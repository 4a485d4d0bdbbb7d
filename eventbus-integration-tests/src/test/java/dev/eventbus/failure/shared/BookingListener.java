package dev.eventbus.failure.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

/** Records every booking event this application's listener receives. */
@Component
public class BookingListener {

	/**
	 * One invocation.
	 *
	 * @param eventId the event id
	 * @param entityId the entity id
	 * @param publisher the publisher in the body
	 */
	public record Received(String eventId, String entityId, String publisher) {
	}

	private final List<Received> received = new ArrayList<>();

	@Listener("Booking")
	synchronized void on(EntityEvent<Map<String, Object>> event) {
		this.received.add(new Received(event.eventId(), String.valueOf(event.entityId()), event.publisher()));
	}

	public synchronized List<Received> received() {
		return List.copyOf(this.received);
	}

}
