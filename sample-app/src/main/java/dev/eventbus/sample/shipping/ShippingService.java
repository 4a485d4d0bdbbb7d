package dev.eventbus.sample.shipping;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.stereotype.Service;

import dev.eventbus.PublishOutcome;
import dev.eventbus.sample.finance.OrderView;

/**
 * Ships paid orders. {@link #ship(OrderView)} publishes {@code shipped} on channel
 * {@code Shipment} when it returns (payload: the shipment) and {@code shipping-failed} when it
 * throws (payload: the order, the exception type and message): method outcome events
 * (docs/outcome-events.md). The method has no transaction, so each event is written in a
 * transaction of its own.
 */
@Service
public class ShippingService {

	/** Parcel couriers take orders up to this total; above it the sample has no freight carrier. */
	static final BigDecimal COURIER_LIMIT = new BigDecimal("10000.00");

	/**
	 * Prepares the shipment of a paid order.
	 * @param order the paid order
	 * @return the shipment
	 * @throws IllegalStateException if no courier takes the order
	 */
	@PublishOutcome(channel = "Shipment", success = "shipped", failure = "shipping-failed", key = "#order.id()",
			failureArguments = "order")
	public Shipment ship(OrderView order) {
		if (order.total().compareTo(COURIER_LIMIT) > 0) {
			throw new IllegalStateException("no courier takes orders over " + COURIER_LIMIT);
		}
		return new Shipment(order.id(), order.customer(), order.total(), Instant.now());
	}

}
