package dev.eventbus.domain;

import java.math.BigDecimal;

/**
 * A domain event published with {@link dev.eventbus.EventBus}: no entity behind it.
 *
 * @param paymentId the payment
 * @param amount the amount received
 */
public record PaymentReceived(String paymentId, BigDecimal amount) {
}
