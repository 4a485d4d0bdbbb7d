package dev.eventbus.recorder;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The invoices the invoicing listener writes. */
public interface Invoices extends JpaRepository<ShopInvoice, UUID> {

	Optional<ShopInvoice> findByOrderId(UUID orderId);

}
