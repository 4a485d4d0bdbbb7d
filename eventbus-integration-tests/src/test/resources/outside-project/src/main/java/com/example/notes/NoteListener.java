package com.example.notes;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

@Component
public class NoteListener {

	public record NoteView(UUID id, String text) {
	}

	private final List<EntityEvent<NoteView>> received = new CopyOnWriteArrayList<>();

	@Listener("Note")
	void onNote(EntityEvent<NoteView> event) {
		this.received.add(event);
	}

	public List<EntityEvent<NoteView>> received() {
		return this.received;
	}

}
