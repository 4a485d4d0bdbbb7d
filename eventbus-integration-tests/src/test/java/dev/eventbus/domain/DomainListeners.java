package dev.eventbus.domain;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.eventbus.Action;
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

	@Listener(value = "DomInvoice", customActions = "issued")
	void issued(InvoiceIssued invoice) {
		this.received.add(new Received("issued", "DomInvoice", "issued", invoice.invoiceId().toString(), invoice));
	}

	@EventListener
	void inProcess(InvoiceIssued invoice) {
		this.received.add(new Received("inProcess", "DomInvoice", "issued", invoice.invoiceId().toString(), invoice));
	}

	@Listener("DomOrder")
	void orders(EntityEvent<Map<String, Object>> event) {
		this.received.add(new Received("orders", event.channel(), event.actionName(), event.entityId(), event));
	}

	@Listener(value = "DomOrder", customActions = "shipped")
	void shipped(EntityEvent<OrderShipped> event) {
		this.received.add(new Received("shipped", event.channel(), event.actionName(), event.entityId(), event));
	}

	@Listener(value = "DomOrder", actions = Action.CREATED, customActions = "${dom.shipped-action:shipped}")
	void frame(String channel, String action, Map<String, Object> data) {
		Object id = data.containsKey("orderId") ? data.get("orderId") : data.get("id");
		this.received.add(new Received("frame", channel, action, String.valueOf(id), data));
	}

	@Listener("DomLedger")
	void ledger(EntityEvent<Map<String, Object>> event) {
		this.received.add(new Received("ledger", event.channel(), event.action().wireName(), event.entityId(),
				event.payload()));
	}

}
