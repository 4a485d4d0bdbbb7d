package dev.eventbus.sample.finance;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What finance reads from an {@code Order} event: its own view of the payload, independent
 * of the {@code Order} entity (the publisher could be another service).
 *
 * @param id the order id
 * @param customer the customer
 * @param status the order status
 * @param total the order total
 */
public record OrderView(UUID id, String customer, String status, BigDecimal total) {

}
