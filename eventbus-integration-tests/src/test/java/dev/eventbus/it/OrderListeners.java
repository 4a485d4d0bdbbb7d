package dev.eventbus.it;

import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;

/**
 * Listeners in the three supported parameter styles, an idempotent one and one that some events
 * are poison to.
 */
@Component
public class OrderListeners {

	private final Deliveries<Call> received;

	public OrderListeners(Deliveries<Call> received) {
		this.received = received;
	}

	@Listener("ItOrder")
	void envelope(EntityEvent<OrderView> event) {
		this.received.add(new Call("envelope", event.channel(), event.action(), event.entityId(),
				event.payload(), event.changes()));
	}

	@Listener(value = "ItOrder", actions = Action.DELETED)
	void deletesOnly(OrderView order) {
		this.received.add(new Call("deletesOnly", "ItOrder", Action.DELETED, order.id().toString(), order,
				Map.of()));
	}

	@Listener("ItOrder")
	void frame(String channel, Action action, Map<String, Object> data) {
		this.received.add(new Call("frame", channel, action, String.valueOf(data.get("id")), data, Map.of()));
	}

	@Listener(value = "ItOrder", concurrency = 1)
	void ordered(EntityEvent<Map<String, Object>> event) {
		this.received.add(new Call("ordered", event.channel(), event.action(), event.entityId(),
				event.payload(), event.changes()));
	}

	/** Idempotent: an event delivered again is skipped (the inbox). */
	@Listener(value = "ItOrder", idempotent = true)
	void once(EntityEvent<Map<String, Object>> event) {
		this.received.add(new Call("once", event.channel(), event.action(), event.entityId(), event.payload(),
				event.changes()));
	}

	/** Knows only some statuses: the events of orders in any other status are poison to it. */
	@Listener("ItOrder")
	void strict(StrictOrderView order) {
		this.received.add(new Call("strict", "ItOrder", Action.CREATED, order.id().toString(), order, Map.of()));
	}

	/**
	 * One invocation of a listener.
	 *
	 * @param listener the listener method's name
	 * @param channel the channel
	 * @param action the action
	 * @param entityId the entity id
	 * @param payload the payload as the listener received it
	 * @param changes the changed attributes, empty where the listener's style has none
	 */
	public record Call(String listener, String channel, Action action, String entityId, Object payload,
			Map<String, EntityEvent.Change> changes) {

		/**
		 * Matches the calls of one listener for one entity.
		 * @param listener the listener method's name
		 * @param entityId the entity id
		 * @return the filter
		 */
		public static Predicate<Call> of(String listener, String entityId) {
			return (call) -> call.listener().equals(listener) && call.entityId().equals(entityId);
		}

	}

}
