package dev.eventbus.domain;

import java.util.UUID;

import dev.eventbus.PublishEvents;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity whose events share a transaction with domain events. */
@Entity
@PublishEvents("DomLedger")
public class Ledger {

	@Id
	private UUID id;

	private String note;

	protected Ledger() {
	}

	public Ledger(UUID id, String note) {
		this.id = id;
		this.note = note;
	}

	public UUID getId() {
		return this.id;
	}

	public String getNote() {
		return this.note;
	}

}
