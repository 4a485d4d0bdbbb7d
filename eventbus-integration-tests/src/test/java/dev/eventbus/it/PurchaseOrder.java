package dev.eventbus.it;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.eventbus.PublishEvents;

/** A published entity with every kind of attribute the payload rules cover. */
@Entity
@Table(name = "it_orders")
@PublishEvents(value = "ItOrder", exclude = "secret")
public class PurchaseOrder {

	@Id
	private UUID id;

	private String status;

	private BigDecimal total;

	@Embedded
	private Address address;

	@ManyToOne(fetch = FetchType.LAZY)
	private Customer customer;

	@ElementCollection
	private List<String> items = new ArrayList<>();

	private String secret;

	@Version
	private long version;

	protected PurchaseOrder() {
	}

	public PurchaseOrder(UUID id, String status, BigDecimal total) {
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

	public void setTotal(BigDecimal total) {
		this.total = total;
	}

	public Address getAddress() {
		return this.address;
	}

	public void setAddress(Address address) {
		this.address = address;
	}

	public Customer getCustomer() {
		return this.customer;
	}

	public void setCustomer(Customer customer) {
		this.customer = customer;
	}

	public List<String> getItems() {
		return this.items;
	}

	public String getSecret() {
		return this.secret;
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

}
