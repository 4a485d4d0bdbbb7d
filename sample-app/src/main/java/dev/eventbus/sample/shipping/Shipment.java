package dev.eventbus.sample.shipping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A paid order that is ready to ship.
 *
 * @param orderId the order id
 * @param customer the customer to ship to
 * @param total the order total
 * @param readyAt when the shipment was prepared
 */
public record Shipment(UUID orderId, String customer, BigDecimal total, Instant readyAt) {

}
