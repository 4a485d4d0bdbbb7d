package dev.eventbus.failure.instances;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;

/** Two listeners of the ticket channel, so two queues. */
@Component
public class TicketListeners {

	private final Deliveries audit = new Deliveries();

	private final Deliveries billing = new Deliveries();

	@Listener("Ticket")
	void audit(EntityEvent<Map<String, Object>> event) {
		this.audit.add(event);
	}

	@Listener("Ticket")
	void billing(EntityEvent<Map<String, Object>> event) {
		this.billing.add(event);
	}

	public Deliveries audit() {
		return this.audit;
	}

	public Deliveries billing() {
		return this.billing;
	}

}
