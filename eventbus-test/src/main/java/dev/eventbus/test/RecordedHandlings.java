package dev.eventbus.test;

import java.util.List;
import java.util.function.Predicate;

import org.assertj.core.api.AssertProvider;

import dev.eventbus.Action;
import dev.eventbus.observation.HandleOutcome;

/**
 * A snapshot of the deliveries to listener methods the {@link EventRecorder} saw, oldest first.
 * AssertJ's {@code assertThat} takes it and gives a {@link RecordedHandlingsAssert}:
 *
 * <pre>
 * assertThat(recorder.handled()).byListener("billing-onOrder").handled("Order", Action.CREATED).hasSize(1);
 * </pre>
 */
public final class RecordedHandlings implements AssertProvider<RecordedHandlingsAssert> {

	private final List<RecordedHandling> handlings;

	RecordedHandlings(List<RecordedHandling> handlings) {
		this.handlings = List.copyOf(handlings);
	}

	/**
	 * The deliveries, oldest first.
	 * @return an unmodifiable list
	 */
	public List<RecordedHandling> list() {
		return this.handlings;
	}

	/**
	 * The number of deliveries.
	 * @return the count
	 */
	public int size() {
		return this.handlings.size();
	}

	/**
	 * The deliveries to one listener.
	 * @param listener the listener id
	 * @return those deliveries, oldest first
	 */
	public RecordedHandlings byListener(String listener) {
		return filter((handling) -> handling.listener().equals(listener));
	}

	/**
	 * The deliveries of events of a channel and action.
	 * @param channel the channel
	 * @param action the action
	 * @return those deliveries, oldest first
	 */
	public RecordedHandlings of(String channel, Action action) {
		return of(channel, action.wireName());
	}

	/**
	 * The deliveries of events of a channel and action.
	 * @param channel the channel
	 * @param action the action in wire form (case is ignored)
	 * @return those deliveries, oldest first
	 */
	public RecordedHandlings of(String channel, String action) {
		return filter((handling) -> handling.is(channel, action));
	}

	/**
	 * The deliveries with one outcome.
	 * @param outcome the outcome
	 * @return those deliveries, oldest first
	 */
	public RecordedHandlings withOutcome(HandleOutcome outcome) {
		return filter((handling) -> handling.outcome() == outcome);
	}

	/**
	 * Assertions on these deliveries.
	 * @return the assertions
	 */
	@Override
	public RecordedHandlingsAssert assertThat() {
		return new RecordedHandlingsAssert(this, "deliveries");
	}

	RecordedHandlings filter(Predicate<RecordedHandling> predicate) {
		return new RecordedHandlings(this.handlings.stream().filter(predicate).toList());
	}

	/**
	 * Lists the deliveries, one a line, for failure messages.
	 * @return the listing
	 */
	@Override
	public String toString() {
		return Listing.of("deliveries", this.handlings);
	}

}
