package dev.eventbus.test;

import java.time.Duration;

import dev.eventbus.observation.HandleOutcome;

/**
 * Deliveries a {@link Stimulus} expects a listener to handle: by default one with outcome
 * {@link HandleOutcome#SUCCESS}; change that with {@link #withOutcome} and {@link #times},
 * then wait with {@link #toComplete()}.
 */
public final class ExpectedHandling {

	private static final Duration RECHECK = Duration.ofMillis(100);

	private final EventRecorder recorder;

	private final long mark;

	private final Duration timeout;

	private final String listener;

	private final String channel;

	private final String action;

	private HandleOutcome outcome = HandleOutcome.SUCCESS;

	private int times = 1;

	ExpectedHandling(EventRecorder recorder, long mark, Duration timeout, String listener, String channel,
			String action) {
		this.recorder = recorder;
		this.mark = mark;
		this.timeout = timeout;
		this.listener = listener;
		this.channel = channel;
		this.action = action;
	}

	/**
	 * Expects deliveries with this outcome, for example {@link HandleOutcome#DEAD_LETTERED} for
	 * an event the listener keeps failing on.
	 * @param outcome the outcome
	 * @return this expectation
	 */
	public ExpectedHandling withOutcome(HandleOutcome outcome) {
		this.outcome = outcome;
		return this;
	}

	/**
	 * Expects at least this many such deliveries (one by default).
	 * @param times the number
	 * @return this expectation
	 */
	public ExpectedHandling times(int times) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1, was " + times
					+ "; to check that a listener was not called, assert on EventRecorder.handled()");
		}
		this.times = times;
		return this;
	}

	/**
	 * Waits until the listener handled enough matching deliveries.
	 * @return the matching deliveries since the stimulus, oldest first
	 * @throws AssertionError if there were not enough in time, listing what was recorded since
	 * the stimulus
	 */
	public RecordedHandlings toComplete() {
		if (!this.recorder.awaitUntil(() -> matching().size() >= this.times, this.timeout, RECHECK)) {
			throw new AssertionError("Expecting listener '" + this.listener + "' to handle '" + this.channel + "' "
					+ this.action + " with outcome " + this.outcome.tag() + " " + this.times + " time(s) within "
					+ this.timeout + " of the stimulus, but it did " + matching().size() + " time(s); since the stimulus: "
					+ System.lineSeparator() + this.recorder.describeSince(this.mark));
		}
		return matching();
	}

	private RecordedHandlings matching() {
		return this.recorder.handledSince(this.mark)
			.byListener(this.listener)
			.of(this.channel, this.action)
			.withOutcome(this.outcome);
	}

}
