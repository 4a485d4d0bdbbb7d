package dev.eventbus.failure.outage;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity. */
@Entity
@Table(name = "fx_outage_parcel")
@PublishEvents("Parcel")
public class Parcel {

	@Id
	private Long id;

	private String destination;

	protected Parcel() {
	}

	public Parcel(Long id, String destination) {
		this.id = id;
		this.destination = destination;
	}

	public Long getId() {
		return this.id;
	}

}
