package dev.eventbus.operations;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity whose events are replayed. */
@Entity
@Table(name = "operations_tallies")
@PublishEvents
public class Tally {

	@Id
	private UUID id;

	private int count;

	protected Tally() {
	}

	public Tally(UUID id) {
		this.id = id;
	}

	public UUID getId() {
		return this.id;
	}

	public void increment() {
		this.count++;
	}

}
