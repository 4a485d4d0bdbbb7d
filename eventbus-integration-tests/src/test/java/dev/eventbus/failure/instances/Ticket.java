package dev.eventbus.failure.instances;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity. */
@Entity
@Table(name = "fx_inst_ticket")
@PublishEvents("Ticket")
public class Ticket {

	@Id
	private Long id;

	private String seat;

	protected Ticket() {
	}

	public Ticket(Long id, String seat) {
		this.id = id;
		this.seat = seat;
	}

	public Long getId() {
		return this.id;
	}

	public void setSeat(String seat) {
		this.seat = seat;
	}

}
