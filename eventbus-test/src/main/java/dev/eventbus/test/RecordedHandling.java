package dev.eventbus.test;

import org.jspecify.annotations.Nullable;

import dev.eventbus.observation.HandleOutcome;

/**
 * One delivery of an event to a listener method, as the {@link EventRecorder} saw it (through
 * the {@code eventbus.handle} observation): a redelivered event shows once per delivery.
 */
public final class RecordedHandling {

	private final String listener;

	private final String channel;

	private final String action;

	private final String eventId;

	private final HandleOutcome outcome;

	private final @Nullable Throwable error;

	private final long sequence;

	RecordedHandling(String listener, String channel, String action, String eventId, HandleOutcome outcome,
			@Nullable Throwable error, long sequence) {
		this.listener = listener;
		this.channel = channel;
		this.action = action;
		this.eventId = eventId;
		this.outcome = outcome;
		this.error = error;
		this.sequence = sequence;
	}

	/**
	 * The listener id: {@code <bean name>-<method name>} unless the {@code @Listener} names one.
	 * @return the id
	 */
	public String listener() {
		return this.listener;
	}

	/**
	 * The event's channel.
	 * @return the channel
	 */
	public String channel() {
		return this.channel;
	}

	/**
	 * The event's action in wire form.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

	/**
	 * The event id.
	 * @return the id
	 */
	public String eventId() {
		return this.eventId;
	}

	/**
	 * What came of the delivery.
	 * @return the outcome
	 */
	public HandleOutcome outcome() {
		return this.outcome;
	}

	/**
	 * What the method threw.
	 * @return the exception, {@code null} when the method returned (or was not called)
	 */
	public @Nullable Throwable error() {
		return this.error;
	}

	/**
	 * Whether the delivery was of an event of this channel and action.
	 * @param channel the channel
	 * @param action the action in wire form (case is ignored)
	 * @return whether both match
	 */
	public boolean is(String channel, String action) {
		return this.channel.equals(channel) && this.action.equalsIgnoreCase(action);
	}

	long sequence() {
		return this.sequence;
	}

	/**
	 * Describes the delivery for failure messages.
	 * @return for example {@code billing-onOrder <- Order created (event 0193...): success}
	 */
	@Override
	public String toString() {
		return this.listener + " <- " + this.channel + " " + this.action + " (event " + this.eventId + "): "
				+ this.outcome.tag() + ((this.error != null) ? " (" + this.error + ")" : "");
	}

}
