package com.example.notes;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.eventbus.PublishEvents;

@Entity
@PublishEvents
public class Note {

	@Id
	private UUID id = UUID.randomUUID();

	private String text;

	protected Note() {
	}

	public Note(String text) {
		this.text = text;
	}

	public UUID getId() {
		return this.id;
	}

	public String getText() {
		return this.text;
	}

}
