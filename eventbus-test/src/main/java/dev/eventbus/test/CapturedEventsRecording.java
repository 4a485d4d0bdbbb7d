package dev.eventbus.test;

import java.util.List;

import dev.eventbus.capture.CommittedEventsListener;
import dev.eventbus.outbox.OutboxEvent;

/** Records the events of each committed transaction as captured. */
final class CapturedEventsRecording implements CommittedEventsListener {

	private final EventRecorder recorder;

	CapturedEventsRecording(EventRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void committed(List<OutboxEvent> events) {
		for (OutboxEvent event : events) {
			this.recorder.captured(event.eventId(), event.channel(), event.action(), event.body());
		}
	}

}
