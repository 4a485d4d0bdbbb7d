package dev.eventbus.sample.shipping;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.eventbus.Listener;
import dev.eventbus.OutcomeFailure;

/**
 * Follows the outcome events of {@link ShippingService#ship}: {@code shipped} with the shipment,
 * {@code shipping-failed} with the order, the exception type and its message. Keeps the last
 * state of each order in memory.
 */
@Component
public class ShipmentTracking {

	private static final Logger logger = LoggerFactory.getLogger(ShipmentTracking.class);

	private final Map<UUID, String> states = new ConcurrentHashMap<>();

	/**
	 * Record a shipped order.
	 * @param shipment the payload of the {@code shipped} event
	 */
	@Listener(value = "Shipment", customActions = "shipped")
	public void shipped(Shipment shipment) {
		logger.info("[tracking] Shipment shipped {} to {}", shipment.orderId().toString().substring(0, 8),
				shipment.customer());
		this.states.put(shipment.orderId(), "shipped to " + shipment.customer());
	}

	/**
	 * Record an order that could not be shipped.
	 * @param failure the payload of the {@code shipping-failed} event
	 */
	@Listener(value = "Shipment", customActions = "shipping-failed")
	public void failed(OutcomeFailure failure) {
		Object order = failure.arguments().get("order");
		Object id = (order instanceof Map<?, ?> view) ? view.get("id") : null;
		logger.info("[tracking] Shipment shipping-failed {}: {} ({})", id, failure.message(), failure.exception());
		if (id != null) {
			this.states.put(UUID.fromString(id.toString()), "failed: " + failure.message());
		}
	}

	/**
	 * What the outcome events said about an order.
	 * @param orderId the order id
	 * @return {@code shipped to <customer>} or {@code failed: <message>}, empty before either event
	 */
	public Optional<String> state(UUID orderId) {
		return Optional.ofNullable(this.states.get(orderId));
	}

}
