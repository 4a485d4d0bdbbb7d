package dev.eventbus.failure.crash;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.Delivery;

/** Records every entry event, once plainly (at least once) and once idempotently. */
@Component
public class EntryListener {

	private final Deliveries<Delivery> deliveries = new Deliveries<>();

	private final Deliveries<Delivery> once = new Deliveries<>();

	@Listener("Entry")
	void entries(EntityEvent<Map<String, Object>> event) {
		this.deliveries.add(Delivery.of(event));
	}

	@Listener(value = "Entry", idempotent = true)
	void entriesOnce(EntityEvent<Map<String, Object>> event) {
		this.once.add(Delivery.of(event));
	}

	/** What the plain listener received. */
	public Deliveries<Delivery> deliveries() {
		return this.deliveries;
	}

	/** What the idempotent listener received. */
	public Deliveries<Delivery> once() {
		return this.once;
	}

}
