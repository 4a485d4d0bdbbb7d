package dev.eventbus.failure.badconfig.badchannel;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** Published to a channel with a space and a '!'. */
@Entity
@Table(name = "fx_bad_note")
@PublishEvents("Bad Channel!")
public class Note {

	@Id
	private Long id;

	protected Note() {
	}

	public Long getId() {
		return this.id;
	}

}
