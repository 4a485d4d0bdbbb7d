package dev.eventbus.failure.dbstop.publisher;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity. */
@Entity
@Table(name = "fx_dbstop_shipment")
@PublishEvents("Shipment")
public class Shipment {

	@Id
	private Long id;

	private String carrier;

	protected Shipment() {
	}

	public Shipment(Long id, String carrier) {
		this.id = id;
		this.carrier = carrier;
	}

	public Long getId() {
		return this.id;
	}

}
