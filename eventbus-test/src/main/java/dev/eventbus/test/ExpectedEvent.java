package dev.eventbus.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * An event a {@link Stimulus} expects the relay to publish: narrow it with {@code matching} and
 * {@link #withEntityId}, then wait with {@link #toArrive()} (or make sure it does not come with
 * {@link #notToArrive()}).
 *
 * @param <P> the payload type
 */
public final class ExpectedEvent<P> {

	private static final Duration RECHECK = Duration.ofMillis(100);

	private final EventRecorder recorder;

	private final long mark;

	private final Duration timeout;

	private final String channel;

	private final String action;

	private final Class<P> payloadType;

	private final List<Predicate<RecordedEvent>> conditions = new ArrayList<>();

	private final List<String> described = new ArrayList<>();

	ExpectedEvent(EventRecorder recorder, long mark, Duration timeout, String channel, String action,
			Class<P> payloadType) {
		this.recorder = recorder;
		this.mark = mark;
		this.timeout = timeout;
		this.channel = channel;
		this.action = action;
		this.payloadType = payloadType;
	}

	/**
	 * Expects an event whose payload matches the predicate.
	 * @param predicate the condition on the payload
	 * @return this expectation
	 */
	public ExpectedEvent<P> matching(Predicate<? super P> predicate) {
		this.conditions.add((event) -> predicate.test(event.payloadAsserted(this.payloadType)));
		this.described.add("whose payload matches a predicate");
		return this;
	}

	/**
	 * Expects an event whose payload gives the value.
	 * @param extractor reads a value of the payload, for example {@code OrderView::status}
	 * @param expected the value (compared with {@link Objects#equals})
	 * @return this expectation
	 */
	public ExpectedEvent<P> matching(Function<? super P, ?> extractor, @Nullable Object expected) {
		this.conditions
			.add((event) -> Objects.equals(extractor.apply(event.payloadAsserted(this.payloadType)), expected));
		this.described.add("whose payload gives " + Listing.quote(expected));
		return this;
	}

	/**
	 * Expects an event of one entity.
	 * @param entityId the entity id (compared as text)
	 * @return this expectation
	 */
	public ExpectedEvent<P> withEntityId(Object entityId) {
		String id = String.valueOf(entityId);
		this.conditions.add((event) -> id.equals(event.entityId()));
		this.described.add("of entity " + id);
		return this;
	}

	/**
	 * Waits until a matching event was published.
	 * @return the first matching event
	 * @throws AssertionError if none was published in time, listing what was recorded since the
	 * stimulus
	 */
	public RecordedEvent toArrive() {
		if (!this.recorder.awaitUntil(() -> first() != null, this.timeout, RECHECK)) {
			throw new AssertionError("Expecting " + describe() + " to be published within " + this.timeout
					+ " of the stimulus, but none was; since the stimulus: " + System.lineSeparator()
					+ this.recorder.describeSince(this.mark));
		}
		return Objects.requireNonNull(first());
	}

	/**
	 * Waits until a matching event was published, then verifies its payload.
	 * @param verification assertions on the payload
	 */
	public void toArriveAndVerify(Consumer<? super P> verification) {
		verification.accept(toArrive().payloadAsserted(this.payloadType));
	}

	/**
	 * Waits the whole timeout and verifies that no matching event was published (choose a short
	 * {@link Stimulus#andWaitAtMost timeout}).
	 * @throws AssertionError if one was, listing what was recorded since the stimulus
	 */
	public void notToArrive() {
		if (this.recorder.awaitUntil(() -> first() != null, this.timeout, RECHECK)) {
			throw new AssertionError("Expecting " + describe() + " not to be published within " + this.timeout
					+ " of the stimulus, but " + first() + " was; since the stimulus: " + System.lineSeparator()
					+ this.recorder.describeSince(this.mark));
		}
	}

	private @Nullable RecordedEvent first() {
		for (RecordedEvent event : this.recorder.publishedSince(this.mark).of(this.channel, this.action).list()) {
			if (this.conditions.stream().allMatch((condition) -> condition.test(event))) {
				return event;
			}
		}
		return null;
	}

	private String describe() {
		return "an event '" + this.channel + "' " + this.action
				+ (this.described.isEmpty() ? "" : " " + String.join(" and ", this.described));
	}

}
