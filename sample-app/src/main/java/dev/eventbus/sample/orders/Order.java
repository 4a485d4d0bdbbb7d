package dev.eventbus.sample.orders;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import dev.eventbus.PublishEvents;

import org.springframework.data.domain.Persistable;

/**
 * An order of the shop. Every insert, update and delete is published on the {@code Order}
 * channel; the card number never leaves the service.
 * <p>
 * The id is assigned in code, so the entity implements {@link Persistable} to tell Spring
 * Data that a fresh order is new (and must be persisted, not merged).
 */
@Entity
@Table(name = "orders")
@PublishEvents(exclude = "cardNumber")
public class Order implements Persistable<UUID> {

	/** The status of a new order. */
	public static final String NEW = "NEW";

	/** The status of a paid order. */
	public static final String PAID = "PAID";

	/** The status of a shipped order. */
	public static final String SHIPPED = "SHIPPED";

	/** All statuses an order can have. */
	public static final Set<String> STATUSES = Set.of(NEW, PAID, SHIPPED);

	@Id
	private UUID id;

	@Column(nullable = false)
	private String customer;

	@Column(nullable = false, length = 16)
	private String status;

	@Column(nullable = false, precision = 19, scale = 2)
	private BigDecimal total;

	@Version
	private long version;

	private @Nullable String cardNumber;

	@Transient
	private boolean isNew = true;

	/**
	 * Create a new order with a random id and status {@code NEW}.
	 * @param customer the customer
	 * @param total the total amount
	 * @param cardNumber the card to charge, if known
	 */
	public Order(String customer, BigDecimal total, @Nullable String cardNumber) {
		this.id = UUID.randomUUID();
		this.customer = customer;
		this.status = NEW;
		this.total = total;
		this.cardNumber = cardNumber;
	}

	protected Order() {
		// for JPA
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public String getCustomer() {
		return this.customer;
	}

	public String getStatus() {
		return this.status;
	}

	/**
	 * Change the status.
	 * @param status one of {@link #STATUSES}
	 * @throws IllegalArgumentException if the status is unknown
	 */
	public void setStatus(String status) {
		if (!STATUSES.contains(status)) {
			throw new IllegalArgumentException("Unknown order status '" + status + "', expected one of " + STATUSES);
		}
		this.status = status;
	}

	public BigDecimal getTotal() {
		return this.total;
	}

	public void setTotal(BigDecimal total) {
		this.total = total;
	}

	public long getVersion() {
		return this.version;
	}

	public @Nullable String getCardNumber() {
		return this.cardNumber;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostLoad
	@PostPersist
	void markNotNew() {
		this.isNew = false;
	}

}
