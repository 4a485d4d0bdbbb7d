package dev.eventbus.sample.finance;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores {@link Invoice invoices}.
 */
public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

	/**
	 * The invoice of an order.
	 * @param orderId the order id
	 * @return the invoice, if one was issued
	 */
	Optional<Invoice> findByOrderId(UUID orderId);

}
