package dev.eventbus.recorder;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An invoice, written by a listener (not published). */
@Entity
@Table(name = "rec_invoices")
public class ShopInvoice {

	@Id
	private UUID id;

	private UUID orderId;

	private BigDecimal amount;

	protected ShopInvoice() {
	}

	public ShopInvoice(UUID id, UUID orderId, BigDecimal amount) {
		this.id = id;
		this.orderId = orderId;
		this.amount = amount;
	}

	public UUID getOrderId() {
		return this.orderId;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

}
