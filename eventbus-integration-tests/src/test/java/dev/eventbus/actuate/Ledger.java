package dev.eventbus.actuate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity of channel {@code Ledger}. */
@Entity
@Table(name = "ep_ledger")
@PublishEvents("Ledger")
public class Ledger {

	@Id
	private Long id;

	private String note;

	protected Ledger() {
	}

	public Ledger(Long id, String note) {
		this.id = id;
		this.note = note;
	}

	public Long getId() {
		return this.id;
	}

	public String getNote() {
		return this.note;
	}

}
