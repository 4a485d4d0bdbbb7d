package dev.eventbus.sample.shipping;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eventbus.Action;
import dev.eventbus.Listener;
import dev.eventbus.sample.finance.OrderView;

import org.springframework.stereotype.Component;

/**
 * Prepares a {@link Shipment} when an order is paid. It receives only {@code updated}
 * events (the SNS subscription filters the others out) and only the payload, and ships through
 * {@link ShippingService}, which publishes the outcome. Shipments are kept in memory, one per
 * order, so a redelivered event changes nothing. It also listens to finance's domain event
 * {@code InvoiceIssued} (a custom action on the {@code Invoice} channel) to put the invoice into
 * the parcel.
 */
@Component
public class ShippingListener {

	private static final Logger logger = LoggerFactory.getLogger(ShippingListener.class);

	private final Map<UUID, Shipment> shipments = new ConcurrentHashMap<>();

	private final Map<UUID, IssuedInvoice> invoices = new ConcurrentHashMap<>();

	private final ShippingService shipping;

	ShippingListener(ShippingService shipping) {
		this.shipping = shipping;
	}

	/**
	 * Prepare the shipment of an order that became paid.
	 * @param order the updated order
	 */
	@Listener(value = "Order", actions = Action.UPDATED)
	public void onOrderUpdated(OrderView order) {
		String id = order.id().toString().substring(0, 8);
		if (!"PAID".equals(order.status())) {
			logger.info("[shipping] Order updated {} status {} -> nothing to ship", id, order.status());
			return;
		}
		if (this.shipments.containsKey(order.id())) {
			logger.info("[shipping] Order updated {} status PAID -> already ready to ship", id);
			return;
		}
		try {
			this.shipments.putIfAbsent(order.id(), this.shipping.ship(order));
			logger.info("[shipping] Order updated {} status PAID -> ready to ship to {}", id, order.customer());
		}
		catch (IllegalStateException ex) {
			// the shipping-failed event tells the others; retrying would fail again
			logger.info("[shipping] Order updated {} status PAID -> cannot ship: {}", id, ex.getMessage());
		}
	}

	/**
	 * Keep the invoice of an order, to put it into the parcel.
	 * @param invoice finance's {@code InvoiceIssued} event
	 */
	@Listener(value = "Invoice", customActions = "issued")
	public void onInvoiceIssued(IssuedInvoice invoice) {
		String id = invoice.orderId().toString().substring(0, 8);
		if (this.invoices.putIfAbsent(invoice.orderId(), invoice) == null) {
			logger.info("[shipping] Invoice issued {} for order {} ({}) -> goes into the parcel", invoice.invoiceId(), id,
					invoice.amount());
		}
	}

	/**
	 * The invoice finance issued for an order, as its {@code InvoiceIssued} event told shipping.
	 * @param orderId the order id
	 * @return the invoice, once the event arrived
	 */
	public Optional<IssuedInvoice> invoice(UUID orderId) {
		return Optional.ofNullable(this.invoices.get(orderId));
	}

	/**
	 * The shipment of an order.
	 * @param orderId the order id
	 * @return the shipment, if the order was paid
	 */
	public Optional<Shipment> find(UUID orderId) {
		return Optional.ofNullable(this.shipments.get(orderId));
	}

	/**
	 * All shipments, oldest first.
	 * @return the shipments
	 */
	public List<Shipment> shipments() {
		return this.shipments.values().stream().sorted(Comparator.comparing(Shipment::readyAt)).toList();
	}

}
