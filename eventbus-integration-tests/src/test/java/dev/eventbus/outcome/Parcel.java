package dev.eventbus.outcome;

import java.util.UUID;

import dev.eventbus.PublishEvents;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The business change of the outcome methods: a parcel row, published so that the tests can see
 * which transaction committed it together with which outcome event.
 */
@Entity
@PublishEvents("OutParcelRow")
@Table(name = "outcome_parcel")
public class Parcel {

	@Id
	private UUID id;

	private String status;

	protected Parcel() {
	}

	public Parcel(UUID id, String status) {
		this.id = id;
		this.status = status;
	}

	public UUID getId() {
		return this.id;
	}

	public String getStatus() {
		return this.status;
	}

}
