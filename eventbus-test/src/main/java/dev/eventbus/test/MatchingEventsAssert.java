package dev.eventbus.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on the recorded events of one channel and action, with their payloads bound to
 * {@code T}. Each {@code matching} narrows the events to those that match and fails when none
 * is left, listing the values it found and every recorded event.
 *
 * @param <T> the payload type
 */
public final class MatchingEventsAssert<T> extends AbstractAssert<MatchingEventsAssert<T>, RecordedEvents> {

	private final RecordedEvents all;

	private final String criteria;

	private final Class<T> payloadType;

	MatchingEventsAssert(RecordedEvents all, RecordedEvents matching, String criteria, Class<T> payloadType) {
		super(matching, MatchingEventsAssert.class);
		this.all = all;
		this.criteria = criteria;
		this.payloadType = payloadType;
	}

	/**
	 * Narrows to the events whose payload gives the expected value.
	 * @param extractor reads a value of the payload, for example {@code OrderView::status}
	 * @param expected the value it must give (compared with {@link Objects#equals})
	 * @return assertions on the events that match
	 */
	public MatchingEventsAssert<T> matching(Function<? super T, ?> extractor, @Nullable Object expected) {
		List<@Nullable Object> found = new ArrayList<>();
		List<RecordedEvent> kept = new ArrayList<>();
		for (RecordedEvent event : this.actual.list()) {
			Object value = extractor.apply(event.payloadAsserted(this.payloadType));
			found.add(value);
			if (Objects.equals(value, expected)) {
				kept.add(event);
			}
		}
		String narrowed = this.criteria + " whose payload gives " + Listing.quote(expected);
		if (kept.isEmpty()) {
			failWithMessage("%s", "Expecting the " + this.all.stage() + " events to contain " + narrowed
					+ ", but the " + this.actual.size() + " " + this.criteria + " event(s) gave "
					+ String.join(", ", found.stream().map(Listing::quote).toList()) + "; " + this.all);
		}
		return narrow(kept, narrowed);
	}

	/**
	 * Narrows to the events whose payload matches a predicate.
	 * @param predicate the condition on the payload
	 * @return assertions on the events that match
	 */
	public MatchingEventsAssert<T> matching(Predicate<? super T> predicate) {
		List<RecordedEvent> kept = this.actual.list()
			.stream()
			.filter((event) -> predicate.test(event.payloadAsserted(this.payloadType)))
			.toList();
		String narrowed = this.criteria + " whose payload matches the predicate";
		if (kept.isEmpty()) {
			failWithMessage("%s", "Expecting the " + this.all.stage() + " events to contain " + narrowed
					+ ", but none of the " + this.actual.size() + " " + this.criteria + " event(s) does; " + this.all);
		}
		return narrow(kept, narrowed);
	}

	/**
	 * Narrows to the events of one entity.
	 * @param entityId the entity id (compared as text, so a {@code Long} or {@code UUID} id will do)
	 * @return assertions on the events of that entity
	 */
	public MatchingEventsAssert<T> withEntityId(Object entityId) {
		String id = String.valueOf(entityId);
		List<RecordedEvent> kept = this.actual.list().stream().filter((event) -> id.equals(event.entityId())).toList();
		String narrowed = this.criteria + " of entity " + id;
		if (kept.isEmpty()) {
			failWithMessage("%s", "Expecting the " + this.all.stage() + " events to contain " + narrowed
					+ ", but there is none; " + this.all);
		}
		return narrow(kept, narrowed);
	}

	/**
	 * Verifies how many events match so far.
	 * @param expected the number of events
	 * @return this
	 */
	public MatchingEventsAssert<T> hasSize(int expected) {
		if (this.actual.size() != expected) {
			failWithMessage("%s", "Expecting " + expected + " " + this.all.stage() + " event(s) " + this.criteria
					+ ", but there " + (this.actual.size() == 1 ? "is 1" : "are " + this.actual.size()) + "; "
					+ this.all);
		}
		return this;
	}

	/**
	 * Continues with AssertJ's list assertions on the payloads of the events that match.
	 * @return assertions on the payloads, oldest first
	 */
	public ListAssert<T> payloads() {
		return Assertions
			.assertThat(this.actual.list().stream().map((event) -> event.payloadAsserted(this.payloadType)).toList());
	}

	private MatchingEventsAssert<T> narrow(List<RecordedEvent> kept, String narrowed) {
		MatchingEventsAssert<T> next = new MatchingEventsAssert<>(this.all, new RecordedEvents(this.all.stage(), kept),
				narrowed, this.payloadType);
		return this.info.hasDescription() ? next.as(this.info.description()) : next;
	}

}
