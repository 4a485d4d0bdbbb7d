package dev.eventbus.failure.instances;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.Delivery;

/**
 * Two listeners of the ticket channel, so two queues: an idempotent one (the inbox makes it
 * handle each event once, even when SQS delivers a message twice) and a plain one (at least
 * once).
 */
@Component
public class TicketListeners {

	private final Deliveries<Delivery> audit = new Deliveries<>();

	private final Deliveries<Delivery> billing = new Deliveries<>();

	@Listener(value = "Ticket", idempotent = true)
	void audit(EntityEvent<Map<String, Object>> event) {
		this.audit.add(Delivery.of(event));
	}

	@Listener("Ticket")
	void billing(EntityEvent<Map<String, Object>> event) {
		this.billing.add(Delivery.of(event));
	}

	public Deliveries<Delivery> audit() {
		return this.audit;
	}

	public Deliveries<Delivery> billing() {
		return this.billing;
	}

}
