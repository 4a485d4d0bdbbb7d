package dev.eventbus.failure.awsout;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity. */
@Entity
@Table(name = "fx_awsout_letter")
@PublishEvents("Letter")
public class Letter {

	@Id
	private Long id;

	private String recipient;

	protected Letter() {
	}

	public Letter(Long id, String recipient) {
		this.id = id;
		this.recipient = recipient;
	}

	public Long getId() {
		return this.id;
	}

}
