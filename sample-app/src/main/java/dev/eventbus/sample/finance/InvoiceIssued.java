package dev.eventbus.sample.finance;

import java.math.BigDecimal;
import java.util.UUID;

import dev.eventbus.PublishedEvent;

/**
 * A domain event: finance issued the invoice of an order. Published with Spring's
 * {@code ApplicationEventPublisher} in the transaction that saves the invoice, it goes to the
 * {@code Invoice} channel with the action {@code issued} and the order id as its key.
 *
 * @param invoiceId the invoice
 * @param orderId the order the invoice is for, the event's key
 * @param amount the amount due
 */
@PublishedEvent(channel = "Invoice", action = "issued", key = "orderId")
public record InvoiceIssued(long invoiceId, UUID orderId, BigDecimal amount) {
}
