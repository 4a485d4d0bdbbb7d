package dev.eventbus.actuate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity of channel {@code Refund}, which no listener of the application takes. */
@Entity
@Table(name = "ep_refund")
@PublishEvents("Refund")
public class Refund {

	@Id
	private Long id;

	protected Refund() {
	}

	public Refund(Long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

}
