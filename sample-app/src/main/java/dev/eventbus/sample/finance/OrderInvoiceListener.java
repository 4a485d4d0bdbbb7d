package dev.eventbus.sample.finance;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps one invoice per order: issued (amount = order total) when the order is created or
 * updated, cancelled when it is deleted. A new invoice is announced with the domain event
 * {@link InvoiceIssued}, published in the transaction that saves it.
 * <p>
 * Events can be delivered more than once and, rarely, out of order. The handler is
 * idempotent (one invoice per order id, updated in place), ignores events older than the
 * order version the invoice already reflects, and never reopens a cancelled invoice.
 */
@Component
public class OrderInvoiceListener {

	private static final Logger logger = LoggerFactory.getLogger(OrderInvoiceListener.class);

	private final InvoiceRepository invoices;

	private final ApplicationEventPublisher events;

	public OrderInvoiceListener(InvoiceRepository invoices, ApplicationEventPublisher events) {
		this.invoices = invoices;
		this.events = events;
	}

	/**
	 * Issue, update or cancel the invoice of an order.
	 * @param event the order event
	 */
	@Listener("Order")
	@Transactional
	public void onOrder(EntityEvent<OrderView> event) {
		OrderView order = event.payload();
		long version = versionOf(event);
		Invoice invoice = this.invoices.findByOrderId(order.id()).orElseGet(() -> new Invoice(order.id(), order.total()));
		String outcome = switch (event.action()) {
			case CREATED, UPDATED -> issue(invoice, order, version);
			case DELETED -> cancel(invoice, version);
		};
		logger.info("[finance] Order {} {}{} -> {}", event.action().wireName(), shortId(order.id()),
				describe(event.changes()), outcome);
	}

	private String issue(Invoice invoice, OrderView order, long version) {
		if (invoice.isCancelled()) {
			return "ignored, invoice already CANCELLED";
		}
		if (version < invoice.getOrderVersion()) {
			return "ignored, stale (version " + version + " < " + invoice.getOrderVersion() + ")";
		}
		boolean first = invoice.getId() == null;
		invoice.issue(order.total(), version);
		Invoice saved = this.invoices.save(invoice);
		if (first) {
			// with this transaction: the event leaves only if the invoice is committed
			this.events.publishEvent(
					new InvoiceIssued(Objects.requireNonNull(saved.getId()), saved.getOrderId(), saved.getAmount()));
		}
		return describe(saved) + (first ? ", InvoiceIssued published" : "");
	}

	private String cancel(Invoice invoice, long version) {
		invoice.cancel(version);
		this.invoices.save(invoice);
		return describe(invoice);
	}

	private static long versionOf(EntityEvent<?> event) {
		return (event.entityVersion() instanceof Number number) ? number.longValue() : 0;
	}

	private static String describe(Invoice invoice) {
		return String.format(Locale.ROOT, "invoice %s %.2f", invoice.getStatus(), invoice.getAmount());
	}

	private static String describe(Map<String, EntityEvent.Change> changes) {
		if (changes.isEmpty()) {
			return "";
		}
		return changes.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " " + entry.getValue().oldValue() + " -> " + entry.getValue().newValue())
			.collect(Collectors.joining(", ", " (", ")"));
	}

	private static String shortId(UUID id) {
		return id.toString().substring(0, 8);
	}

}
