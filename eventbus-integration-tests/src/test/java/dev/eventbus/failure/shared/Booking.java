package dev.eventbus.failure.shared;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity. */
@Entity
@Table(name = "fx_shared_booking")
@PublishEvents("Booking")
public class Booking {

	@Id
	private Long id;

	private String guest;

	protected Booking() {
	}

	public Booking(Long id, String guest) {
		this.id = id;
		this.guest = guest;
	}

	public Long getId() {
		return this.id;
	}

}
