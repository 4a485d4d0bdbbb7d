package dev.eventbus.test;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import dev.eventbus.observation.HandleContext;

/**
 * Records each delivery to a listener method when its {@code eventbus.handle} observation
 * stops: the outcome is final by then.
 */
final class HandleRecording implements ObservationHandler<HandleContext> {

	private final EventRecorder recorder;

	HandleRecording(EventRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof HandleContext;
	}

	@Override
	public void onStop(HandleContext context) {
		this.recorder.handled(context.getListener(), context.getChannel(), context.getAction(), context.getEventId(),
				context.getOutcome(), context.getError());
	}

}
