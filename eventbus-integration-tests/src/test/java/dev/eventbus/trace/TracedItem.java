package dev.eventbus.trace;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity for the observation tests. */
@Entity
@Table(name = "traced_items")
@PublishEvents
public class TracedItem {

	@Id
	private UUID id;

	private String name;

	protected TracedItem() {
	}

	public TracedItem(UUID id, String name) {
		this.id = id;
		this.name = name;
	}

	public UUID getId() {
		return this.id;
	}

}
