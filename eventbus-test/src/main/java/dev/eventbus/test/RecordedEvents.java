package dev.eventbus.test;

import java.util.List;
import java.util.function.Predicate;

import org.assertj.core.api.AssertProvider;

import dev.eventbus.Action;

/**
 * A snapshot of the events the {@link EventRecorder} saw at one stage (captured or published),
 * oldest first. AssertJ's {@code assertThat} takes it and gives a {@link RecordedEventsAssert}:
 *
 * <pre>
 * assertThat(recorder.published()).contains("Order", Action.CREATED).hasSize(1);
 * </pre>
 */
public final class RecordedEvents implements AssertProvider<RecordedEventsAssert> {

	private final String stage;

	private final List<RecordedEvent> events;

	RecordedEvents(String stage, List<RecordedEvent> events) {
		this.stage = stage;
		this.events = List.copyOf(events);
	}

	/**
	 * The events, oldest first.
	 * @return an unmodifiable list
	 */
	public List<RecordedEvent> list() {
		return this.events;
	}

	/**
	 * The number of events.
	 * @return the count
	 */
	public int size() {
		return this.events.size();
	}

	/**
	 * The events of a channel and action.
	 * @param channel the channel
	 * @param action the action
	 * @return those events, oldest first
	 */
	public RecordedEvents of(String channel, Action action) {
		return of(channel, action.wireName());
	}

	/**
	 * The events of a channel and action.
	 * @param channel the channel
	 * @param action the action in wire form (case is ignored)
	 * @return those events, oldest first
	 */
	public RecordedEvents of(String channel, String action) {
		return filter((event) -> event.is(channel, action));
	}

	/**
	 * The events of a channel, whatever their action.
	 * @param channel the channel
	 * @return those events, oldest first
	 */
	public RecordedEvents ofChannel(String channel) {
		return filter((event) -> event.channel().equals(channel));
	}

	/**
	 * Which stage the events were recorded at, for failure messages.
	 * @return {@code captured} or {@code published}
	 */
	public String stage() {
		return this.stage;
	}

	/**
	 * Assertions on these events.
	 * @return the assertions
	 */
	@Override
	public RecordedEventsAssert assertThat() {
		return new RecordedEventsAssert(this);
	}

	RecordedEvents filter(Predicate<RecordedEvent> predicate) {
		return new RecordedEvents(this.stage, this.events.stream().filter(predicate).toList());
	}

	/**
	 * Lists the events, one a line, for failure messages.
	 * @return the listing
	 */
	@Override
	public String toString() {
		return Listing.of(this.stage + " events", this.events);
	}

}
