package dev.eventbus.failure.poison;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity whose listener reads a record with a number field. */
@Entity
@Table(name = "fx_poison_item")
@PublishEvents("Item")
public class Item {

	@Id
	private Long id;

	private int quantity;

	private String name;

	protected Item() {
	}

	public Item(Long id, int quantity, String name) {
		this.id = id;
		this.quantity = quantity;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

}
