package dev.eventbus.domain;

import java.util.UUID;

import org.springframework.data.domain.AbstractAggregateRoot;

import dev.eventbus.PublishEvents;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A Spring Data aggregate that registers a domain event when it is shipped. */
@Entity
@PublishEvents("DomOrder")
public class DomOrder extends AbstractAggregateRoot<DomOrder> {

	@Id
	private UUID id;

	private String status;

	protected DomOrder() {
	}

	public DomOrder(UUID id) {
		this.id = id;
		this.status = "NEW";
	}

	public DomOrder ship(String carrier) {
		this.status = "SHIPPED";
		registerEvent(new OrderShipped(this.id, carrier));
		return this;
	}

	public UUID getId() {
		return this.id;
	}

	public String getStatus() {
		return this.status;
	}

}
