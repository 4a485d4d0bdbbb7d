package dev.eventbus.failure.poison;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;

/** The listeners of the poison and spoofing tests. */
@Component
public class PoisonListeners {

	private final Deliveries items = new Deliveries();

	private final Deliveries gadgets = new Deliveries();

	private final Deliveries limits = new Deliveries();

	private final Deliveries stranded = new Deliveries();

	@Listener("Item")
	void items(EntityEvent<ItemView> event) {
		this.items.add(event);
	}

	@Listener("Gadget")
	void gadgets(EntityEvent<Map<String, Object>> event) {
		this.gadgets.add(event);
	}

	/** A second listener of gadgets, whose queue receives the messages of the SQS maximum size. */
	@Listener("Gadget")
	void limits(EntityEvent<Map<String, Object>> event) {
		this.limits.add(event);
	}

	/** A third listener of gadgets, whose dead-letter queue the tests delete for a while. */
	@Listener("Gadget")
	void stranded(EntityEvent<Map<String, Object>> event) {
		this.stranded.add(event);
	}

	public Deliveries items() {
		return this.items;
	}

	public Deliveries gadgets() {
		return this.gadgets;
	}

	public Deliveries limits() {
		return this.limits;
	}

	public Deliveries stranded() {
		return this.stranded;
	}

}
