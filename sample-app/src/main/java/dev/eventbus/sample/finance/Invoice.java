package dev.eventbus.sample.finance;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * The invoice of one order: issued while the order exists, cancelled once it is deleted.
 * {@code orderVersion} is the version of the order the invoice was last brought up to date
 * with, so that an event delivered late never overwrites a newer one.
 */
@Entity
public class Invoice {

	/** The status of an invoice to be paid. */
	public static final String ISSUED = "ISSUED";

	/** The status of an invoice whose order was deleted. */
	public static final String CANCELLED = "CANCELLED";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, unique = true)
	private UUID orderId;

	@Column(nullable = false, precision = 19, scale = 2)
	private BigDecimal amount;

	@Column(nullable = false, length = 16)
	private String status;

	private long orderVersion;

	/**
	 * A new, issued invoice.
	 * @param orderId the id of the order
	 * @param amount the amount due
	 */
	public Invoice(UUID orderId, BigDecimal amount) {
		this.orderId = orderId;
		this.amount = amount;
		this.status = ISSUED;
	}

	protected Invoice() {
		// for JPA
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public UUID getOrderId() {
		return this.orderId;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public String getStatus() {
		return this.status;
	}

	public long getOrderVersion() {
		return this.orderVersion;
	}

	/**
	 * Whether the invoice was cancelled.
	 * @return whether the status is {@code CANCELLED}
	 */
	public boolean isCancelled() {
		return CANCELLED.equals(this.status);
	}

	/**
	 * Bring the invoice up to date with an order that exists.
	 * @param amount the order total
	 * @param orderVersion the version of the order
	 */
	void issue(BigDecimal amount, long orderVersion) {
		this.amount = amount;
		this.status = ISSUED;
		this.orderVersion = orderVersion;
	}

	/**
	 * Cancel the invoice because its order was deleted.
	 * @param orderVersion the version of the order when it was deleted
	 */
	void cancel(long orderVersion) {
		this.status = CANCELLED;
		this.orderVersion = Math.max(this.orderVersion, orderVersion);
	}

}
