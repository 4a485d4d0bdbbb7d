package dev.eventbus.retry;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity for the retry tests. */
@Entity
@Table(name = "retry_items")
@PublishEvents
public class RetryItem {

	@Id
	private UUID id;

	private String name;

	protected RetryItem() {
	}

	public RetryItem(UUID id, String name) {
		this.id = id;
		this.name = name;
	}

	public UUID getId() {
		return this.id;
	}

}
