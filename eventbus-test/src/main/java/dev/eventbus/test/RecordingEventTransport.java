package dev.eventbus.test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.eventbus.transport.EventTransport;
import dev.eventbus.transport.OutgoingMessage;

/**
 * The application's transport, recording each event the broker accepted as published. Events
 * the transport reports as failed, and all events of a call that throws, are not recorded: the
 * relay sends them again and they are recorded then.
 */
final class RecordingEventTransport implements EventTransport {

	private final EventTransport delegate;

	private final EventRecorder recorder;

	RecordingEventTransport(EventTransport delegate, EventRecorder recorder) {
		this.delegate = delegate;
		this.recorder = recorder;
	}

	@Override
	public Map<UUID, String> send(List<OutgoingMessage> messages) {
		Map<UUID, String> failures = this.delegate.send(messages);
		for (OutgoingMessage message : messages) {
			if (!failures.containsKey(message.id())) {
				this.recorder.published(message.id(), message.destination().channel(),
						message.attributes().getOrDefault("action", ""), message.body());
			}
		}
		return failures;
	}

	@Override
	public String toString() {
		return "recording " + this.delegate;
	}

}
