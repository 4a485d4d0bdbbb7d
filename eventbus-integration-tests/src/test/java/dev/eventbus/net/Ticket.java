package dev.eventbus.net;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.eventbus.PublishEvents;

/** A published entity with an assigned id (so that it can be inserted again) and a version. */
@Entity
@Table(name = "net_tickets")
@PublishEvents(value = "NetTicket", exclude = "secret")
public class Ticket {

	@Id
	private UUID id;

	private String status;

	private BigDecimal amount;

	private String secret;

	@Version
	private long version;

	protected Ticket() {
	}

	public Ticket(UUID id, String status, BigDecimal amount) {
		this.id = id;
		this.status = status;
		this.amount = amount;
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

	public BigDecimal getAmount() {
		return this.amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

	public long getVersion() {
		return this.version;
	}

}
