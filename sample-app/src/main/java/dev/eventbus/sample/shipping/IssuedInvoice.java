package dev.eventbus.sample.shipping;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What shipping reads of finance's {@code InvoiceIssued} domain event (channel {@code Invoice},
 * action {@code issued}): its own view of the payload, as a service that does not share
 * finance's classes would write it.
 *
 * @param invoiceId the invoice
 * @param orderId the order
 * @param amount the amount due
 */
public record IssuedInvoice(long invoiceId, UUID orderId, BigDecimal amount) {
}
