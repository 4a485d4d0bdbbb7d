package dev.eventbus.failure.crash;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;

/** Records every entry event. */
@Component
public class EntryListener {

	private final Deliveries deliveries = new Deliveries();

	@Listener("Entry")
	void entries(EntityEvent<Map<String, Object>> event) {
		this.deliveries.add(event);
	}

	public Deliveries deliveries() {
		return this.deliveries;
	}

}
