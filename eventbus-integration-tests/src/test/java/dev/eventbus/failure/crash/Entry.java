package dev.eventbus.failure.crash;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published ledger entry. */
@Entity
@Table(name = "fx_crash_entry")
@PublishEvents("Entry")
public class Entry {

	@Id
	private Long id;

	private String note;

	protected Entry() {
	}

	public Entry(Long id, String note) {
		this.id = id;
		this.note = note;
	}

	public Long getId() {
		return this.id;
	}

}
