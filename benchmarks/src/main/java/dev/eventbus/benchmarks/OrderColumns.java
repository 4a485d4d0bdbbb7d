package dev.eventbus.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns of the commit benchmark's order: the same for the published entity and the plain
 * one, so the only difference measured is {@code @PublishEvents}.
 */
@MappedSuperclass
public abstract class OrderColumns {

	@Id
	private UUID id;

	private String status;

	@Column(precision = 12, scale = 2)
	private BigDecimal total;

	private String customer;

	@Column(length = 500)
	private String note;

	private int quantity;

	private Instant placedAt;

	protected OrderColumns() {
	}

	protected OrderColumns(UUID id, int n) {
		this.id = id;
		this.status = "NEW";
		this.total = BigDecimal.valueOf(1000 + n % 100_000, 2);
		this.customer = "customer-" + (n % 1000);
		this.note = "Leave the parcel with the neighbour at number " + (n % 97) + ", ring twice.";
		this.quantity = 1 + n % 9;
		this.placedAt = Instant.now();
	}

	public UUID getId() {
		return this.id;
	}

	public String getStatus() {
		return this.status;
	}

	public BigDecimal getTotal() {
		return this.total;
	}

	public String getCustomer() {
		return this.customer;
	}

	public String getNote() {
		return this.note;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public Instant getPlacedAt() {
		return this.placedAt;
	}

}
