package dev.eventbus.it;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

/**
 * Listeners in the three supported parameter styles.
 */
@Component
public class OrderListeners {

	private final Received received;

	public OrderListeners(Received received) {
		this.received = received;
	}

	@Listener("ItOrder")
	void envelope(EntityEvent<OrderView> event) {
		this.received.add(new Received.Call("envelope", event.channel(), event.action(), event.entityId(),
				event.payload(), event.changes()));
	}

	@Listener(value = "ItOrder", actions = Action.DELETED)
	void deletesOnly(OrderView order) {
		this.received.add(new Received.Call("deletesOnly", "ItOrder", Action.DELETED, order.id().toString(), order,
				Map.of()));
	}

	@Listener("ItOrder")
	void frame(String channel, Action action, Map<String, Object> data) {
		this.received.add(new Received.Call("frame", channel, action, String.valueOf(data.get("id")), data, Map.of()));
	}

	@Listener(value = "ItOrder", concurrency = 1)
	void ordered(EntityEvent<Map<String, Object>> event) {
		this.received.add(new Received.Call("ordered", event.channel(), event.action(), event.entityId(),
				event.payload(), event.changes()));
	}

}
