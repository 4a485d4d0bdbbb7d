package dev.eventbus.failure.crash;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;

/** Records every entry event, once plainly (at least once) and once idempotently. */
@Component
public class EntryListener {

	private final Deliveries deliveries = new Deliveries();

	private final Deliveries once = new Deliveries();

	@Listener("Entry")
	void entries(EntityEvent<Map<String, Object>> event) {
		this.deliveries.add(event);
	}

	@Listener(value = "Entry", idempotent = true)
	void entriesOnce(EntityEvent<Map<String, Object>> event) {
		this.once.add(event);
	}

	/** What the plain listener received. */
	public Deliveries deliveries() {
		return this.deliveries;
	}

	/** What the idempotent listener received. */
	public Deliveries once() {
		return this.once;
	}

}
