package dev.eventbus.failure.poison;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A second published entity, whose queue receives the spoofed notification. */
@Entity
@Table(name = "fx_poison_gadget")
@PublishEvents("Gadget")
public class Gadget {

	@Id
	private Long id;

	private String label;

	protected Gadget() {
	}

	public Gadget(Long id, String label) {
		this.id = id;
		this.label = label;
	}

	public Long getId() {
		return this.id;
	}

}
