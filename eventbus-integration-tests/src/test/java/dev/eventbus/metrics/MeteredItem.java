package dev.eventbus.metrics;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity for the metrics tests. */
@Entity
@Table(name = "metered_items")
@PublishEvents
public class MeteredItem {

	@Id
	private UUID id;

	private String name;

	protected MeteredItem() {
	}

	public MeteredItem(UUID id, String name) {
		this.id = id;
		this.name = name;
	}

	public UUID getId() {
		return this.id;
	}

}
