package dev.eventbus.failure.poison;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.Delivery;

/** The listeners of the poison and spoofing tests. */
@Component
public class PoisonListeners {

	private final Deliveries<Delivery> items = new Deliveries<>();

	private final Deliveries<Delivery> gadgets = new Deliveries<>();

	private final Deliveries<Delivery> limits = new Deliveries<>();

	private final Deliveries<Delivery> stranded = new Deliveries<>();

	@Listener("Item")
	void items(EntityEvent<ItemView> event) {
		this.items.add(Delivery.of(event));
	}

	@Listener("Gadget")
	void gadgets(EntityEvent<Map<String, Object>> event) {
		this.gadgets.add(Delivery.of(event));
	}

	/** A second listener of gadgets, whose queue receives the messages of the SQS maximum size. */
	@Listener("Gadget")
	void limits(EntityEvent<Map<String, Object>> event) {
		this.limits.add(Delivery.of(event));
	}

	/** A third listener of gadgets, whose dead-letter queue the tests delete for a while. */
	@Listener("Gadget")
	void stranded(EntityEvent<Map<String, Object>> event) {
		this.stranded.add(Delivery.of(event));
	}

	public Deliveries<Delivery> items() {
		return this.items;
	}

	public Deliveries<Delivery> gadgets() {
		return this.gadgets;
	}

	public Deliveries<Delivery> limits() {
		return this.limits;
	}

	public Deliveries<Delivery> stranded() {
		return this.stranded;
	}

}
