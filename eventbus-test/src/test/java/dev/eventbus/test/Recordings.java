package dev.eventbus.test;

import java.util.UUID;

import dev.eventbus.message.EventMessageCodec;

/** Feeds a recorder the way the capture, the relay and the listeners do, for unit tests. */
final class Recordings {

	private static final EventMessageCodec CODEC = new EventMessageCodec();

	private Recordings() {
	}

	static EventRecorder recorder() {
		return new EventRecorder(() -> CODEC);
	}

	/** Records an event as captured and returns its id. */
	static UUID capture(EventRecorder recorder, String channel, String action, String entityId, String payload) {
		UUID id = UUID.randomUUID();
		recorder.captured(id, channel, action, body(id, channel, action, entityId, payload));
		return id;
	}

	static void publish(EventRecorder recorder, UUID id, String channel, String action, String entityId,
			String payload) {
		recorder.published(id, channel, action, body(id, channel, action, entityId, payload));
	}

	static String body(UUID id, String channel, String action, String entityId, String payload) {
		return "{\"eventId\":\"" + id + "\",\"channel\":\"" + channel + "\",\"action\":\"" + action
				+ "\",\"entityType\":\"" + channel + "\",\"entityId\":\"" + entityId
				+ "\",\"occurredAt\":\"2026-12-01T10:00:00Z\",\"publisher\":\"shop\",\"version\":1,\"payload\":"
				+ payload + "}";
	}

}
