package dev.eventbus.operations;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity whose listener dead-letters its events while it is broken. */
@Entity
@Table(name = "operations_ledgers")
@PublishEvents
public class Ledger {

	@Id
	private UUID id;

	protected Ledger() {
	}

	public Ledger(UUID id) {
		this.id = id;
	}

	public UUID getId() {
		return this.id;
	}

}
