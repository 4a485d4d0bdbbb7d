package dev.eventbus.recorder;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** An order: published on channel {@code ShopOrder}. */
@Entity
@Table(name = "rec_orders")
@PublishEvents
public class ShopOrder {

	@Id
	private UUID id;

	private String status;

	private BigDecimal total;

	protected ShopOrder() {
	}

	public ShopOrder(UUID id, String status, BigDecimal total) {
		this.id = id;
		this.status = status;
		this.total = total;
	}

	public UUID getId() {
		return this.id;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public BigDecimal getTotal() {
		return this.total;
	}

}
