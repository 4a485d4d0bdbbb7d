package dev.eventbus.domain;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;

/**
 * Listeners of the domain events and of the entity channel next to them.
 */
@Component
public class DomainListeners {

	private final Deliveries<Received> received;

	public DomainListeners(Deliveries<Received> received) {
		this.received = received;
	}

	@Listener("DomPayment")
	void typed(PaymentReceived payment) {
		this.received.add(new Received("typed", "DomPayment", "created", payment.paymentId(), payment));
	}

	@Listener("DomPayment")
	void envelope(EntityEvent<PaymentReceived> event) {
		this.received.add(new Received("envelope", event.channel(), event.action().wireName(), event.entityId(), event));
	}

	@Listener("DomLedger")
	void ledger(EntityEvent<Map<String, Object>> event) {
		this.received.add(new Received("ledger", event.channel(), event.action().wireName(), event.entityId(),
				event.payload()));
	}

}
