package dev.eventbus.test;

import org.assertj.core.api.AbstractAssert;

import dev.eventbus.Action;
import dev.eventbus.observation.HandleOutcome;

/**
 * Assertions on {@link RecordedHandlings}: narrow to a listener, an event kind or an outcome,
 * then count. A failure lists every recorded delivery.
 *
 * <pre>
 * assertThat(recorder.handled())
 * 	.byListener("billing-onOrder")
 * 	.handled("Order", Action.CREATED)
 * 	.hasSize(1)
 * 	.allSucceeded();
 * </pre>
 */
public final class RecordedHandlingsAssert extends AbstractAssert<RecordedHandlingsAssert, RecordedHandlings> {

	private final RecordedHandlings all;

	private final String what;

	RecordedHandlingsAssert(RecordedHandlings actual, String what) {
		this(actual, actual, what);
	}

	private RecordedHandlingsAssert(RecordedHandlings all, RecordedHandlings actual, String what) {
		super(actual, RecordedHandlingsAssert.class);
		this.all = all;
		this.what = what;
	}

	/**
	 * Narrows to the deliveries to one listener.
	 * @param listener the listener id ({@code <bean name>-<method name>} unless the
	 * {@code @Listener} names one)
	 * @return assertions on those deliveries
	 */
	public RecordedHandlingsAssert byListener(String listener) {
		return narrow(this.actual.byListener(listener), this.what + " to '" + listener + "'");
	}

	/**
	 * Narrows to the deliveries of events of a channel and action.
	 * @param channel the channel
	 * @param action the action
	 * @return assertions on those deliveries
	 */
	public RecordedHandlingsAssert handled(String channel, Action action) {
		return handled(channel, action.wireName());
	}

	/**
	 * Narrows to the deliveries of events of a channel and action.
	 * @param channel the channel
	 * @param action the action in wire form (case is ignored)
	 * @return assertions on those deliveries
	 */
	public RecordedHandlingsAssert handled(String channel, String action) {
		return narrow(this.actual.of(channel, action), this.what + " of '" + channel + "' " + action);
	}

	/**
	 * Narrows to the deliveries with one outcome.
	 * @param outcome the outcome
	 * @return assertions on those deliveries
	 */
	public RecordedHandlingsAssert withOutcome(HandleOutcome outcome) {
		return narrow(this.actual.withOutcome(outcome), this.what + " with outcome " + outcome.tag());
	}

	/**
	 * Verifies the number of deliveries: how many times the listener was given the events.
	 * @param expected the number
	 * @return this
	 */
	public RecordedHandlingsAssert hasSize(int expected) {
		isNotNull();
		if (this.actual.size() != expected) {
			failWithMessage("%s", "Expecting " + expected + " " + this.what + ", but there "
					+ (this.actual.size() == 1 ? "was 1" : "were " + this.actual.size()) + "; " + this.all);
		}
		return this;
	}

	/**
	 * Verifies that there is no delivery.
	 * @return this
	 */
	public RecordedHandlingsAssert isEmpty() {
		return hasSize(0);
	}

	/**
	 * Verifies that there is at least one delivery.
	 * @return this
	 */
	public RecordedHandlingsAssert isNotEmpty() {
		isNotNull();
		if (this.actual.size() == 0) {
			failWithMessage("%s", "Expecting " + this.what + ", but there was none; " + this.all);
		}
		return this;
	}

	/**
	 * Verifies that there is at least one delivery and every one succeeded.
	 * @return this
	 */
	public RecordedHandlingsAssert allSucceeded() {
		isNotEmpty();
		RecordedHandlings failed = this.actual.filter((handling) -> handling.outcome() != HandleOutcome.SUCCESS);
		if (failed.size() > 0) {
			failWithMessage("%s", "Expecting every one of the " + this.what + " to succeed, but "
					+ failed.list().get(0) + (failed.size() > 1 ? " and " + (failed.size() - 1) + " more" : "")
					+ " did not; " + this.all);
		}
		return this;
	}

	private RecordedHandlingsAssert narrow(RecordedHandlings narrowed, String description) {
		isNotNull();
		RecordedHandlingsAssert next = new RecordedHandlingsAssert(this.all, narrowed, description);
		return this.info.hasDescription() ? next.as(this.info.description()) : next;
	}

}
