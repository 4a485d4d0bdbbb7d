package dev.eventbus.actuate;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;

/** Two listeners of channel {@code Ledger}: an idempotent one of every action, one of deletions only. */
@Component
public class LedgerListeners {

	private final Deliveries<Call> received = new Deliveries<>();

	@Listener(value = "Ledger", id = "ledger-all", idempotent = true)
	void all(EntityEvent<Map<String, Object>> event) {
		this.received.add(new Call("ledger-all", event.entityId()));
	}

	@Listener(value = "Ledger", id = "ledger-deletes", actions = Action.DELETED)
	void deletes(EntityEvent<Map<String, Object>> event) {
		this.received.add(new Call("ledger-deletes", event.entityId()));
	}

	/**
	 * What the listeners received.
	 * @return one entry per call
	 */
	public Deliveries<Call> received() {
		return this.received;
	}

	/**
	 * One call of a listener.
	 * @param listener the listener id
	 * @param entityId the event's entity id
	 */
	public record Call(String listener, String entityId) {
	}

}
