package dev.eventbus.domain;

import java.math.BigDecimal;
import java.util.UUID;

import dev.eventbus.PublishedEvent;

/**
 * A domain event published with Spring's {@code ApplicationEventPublisher}.
 *
 * @param invoiceId the invoice, the event's key
 * @param customer the customer
 * @param total the invoiced total
 */
@PublishedEvent(channel = "DomInvoice", action = "issued", key = "invoiceId")
public record InvoiceIssued(UUID invoiceId, String customer, BigDecimal total) {
}
