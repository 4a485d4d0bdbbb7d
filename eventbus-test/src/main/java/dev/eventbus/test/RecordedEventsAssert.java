package dev.eventbus.test;

import java.util.Map;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

import dev.eventbus.Action;

/**
 * Assertions on {@link RecordedEvents}: which events there are ({@code contains}, then
 * {@link MatchingEventsAssert#matching matching} on the payload bound to a type), how many, and
 * which there are not. A failure lists every event that was recorded.
 *
 * <pre>
 * assertThat(recorder.captured())
 * 	.contains("Order", Action.UPDATED, OrderView.class)
 * 	.matching(OrderView::status, "PAID")
 * 	.hasSize(1);
 * assertThat(recorder.captured()).doesNotContain("Order", Action.DELETED);
 * </pre>
 */
public final class RecordedEventsAssert extends AbstractAssert<RecordedEventsAssert, RecordedEvents> {

	RecordedEventsAssert(RecordedEvents actual) {
		super(actual, RecordedEventsAssert.class);
	}

	/**
	 * Verifies that there is at least one event of the channel and action, and continues with
	 * those events, their payloads read as maps.
	 * @param channel the channel
	 * @param action the action
	 * @return assertions on the events of that channel and action
	 */
	public MatchingEventsAssert<Map<String, @Nullable Object>> contains(String channel, Action action) {
		return contains(channel, action.wireName());
	}

	/**
	 * Verifies that there is at least one event of the channel and action, and continues with
	 * those events, their payloads read as maps.
	 * @param channel the channel
	 * @param action the action in wire form (case is ignored), also one that is not an
	 * {@link Action}
	 * @return assertions on the events of that channel and action
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public MatchingEventsAssert<Map<String, @Nullable Object>> contains(String channel, String action) {
		return contains(channel, action, (Class) Map.class);
	}

	/**
	 * Verifies that there is at least one event of the channel and action, and continues with
	 * those events, their payloads bound to a type as a listener parameter of that type is.
	 * @param channel the channel
	 * @param action the action
	 * @param payloadType the type to bind payloads to
	 * @param <T> the payload type
	 * @return assertions on the events of that channel and action
	 */
	public <T> MatchingEventsAssert<T> contains(String channel, Action action, Class<T> payloadType) {
		return contains(channel, action.wireName(), payloadType);
	}

	/**
	 * Verifies that there is at least one event of the channel and action, and continues with
	 * those events, their payloads bound to a type as a listener parameter of that type is.
	 * @param channel the channel
	 * @param action the action in wire form (case is ignored)
	 * @param payloadType the type to bind payloads to
	 * @param <T> the payload type
	 * @return assertions on the events of that channel and action
	 */
	public <T> MatchingEventsAssert<T> contains(String channel, String action, Class<T> payloadType) {
		isNotNull();
		String kind = "'" + channel + "' " + action;
		RecordedEvents matching = this.actual.of(channel, action);
		if (matching.size() == 0) {
			failWithMessage("%s", "Expecting the " + this.actual.stage() + " events to contain " + kind
					+ ", but there is none; " + this.actual);
		}
		MatchingEventsAssert<T> next = new MatchingEventsAssert<>(this.actual, matching, kind, payloadType);
		return this.info.hasDescription() ? next.as(this.info.description()) : next;
	}

	/**
	 * Verifies that there is no event of the channel and action.
	 * @param channel the channel
	 * @param action the action
	 * @return this
	 */
	public RecordedEventsAssert doesNotContain(String channel, Action action) {
		return doesNotContain(channel, action.wireName());
	}

	/**
	 * Verifies that there is no event of the channel and action.
	 * @param channel the channel
	 * @param action the action in wire form (case is ignored)
	 * @return this
	 */
	public RecordedEventsAssert doesNotContain(String channel, String action) {
		isNotNull();
		int found = this.actual.of(channel, action).size();
		if (found > 0) {
			failWithMessage("%s", "Expecting the " + this.actual.stage() + " events not to contain '" + channel + "' "
					+ action + ", but there " + (found == 1 ? "is 1" : "are " + found) + "; " + this.actual);
		}
		return this;
	}

	/**
	 * Verifies that there is no event of the channel, whatever its action.
	 * @param channel the channel
	 * @return this
	 */
	public RecordedEventsAssert doesNotContainChannel(String channel) {
		isNotNull();
		int found = this.actual.ofChannel(channel).size();
		if (found > 0) {
			failWithMessage("%s", "Expecting the " + this.actual.stage() + " events to contain nothing of channel '"
					+ channel + "', but there " + (found == 1 ? "is 1 event" : "are " + found + " events") + "; "
					+ this.actual);
		}
		return this;
	}

	/**
	 * Verifies the number of events.
	 * @param expected the number
	 * @return this
	 */
	public RecordedEventsAssert hasSize(int expected) {
		isNotNull();
		if (this.actual.size() != expected) {
			failWithMessage("%s", "Expecting " + expected + " " + this.actual.stage() + " event(s), but there "
					+ (this.actual.size() == 1 ? "is 1" : "are " + this.actual.size()) + "; " + this.actual);
		}
		return this;
	}

	/**
	 * Verifies that there is no event at all.
	 * @return this
	 */
	public RecordedEventsAssert isEmpty() {
		return hasSize(0);
	}

}
