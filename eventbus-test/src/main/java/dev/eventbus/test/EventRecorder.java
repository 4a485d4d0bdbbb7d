package dev.eventbus.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.assertj.core.api.AssertProvider;
import org.jspecify.annotations.Nullable;

import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.observation.HandleOutcome;

/**
 * What eventbus did in a Spring test context: the events each committed transaction wrote to
 * the outbox ({@link #captured()}), the events the relay sent ({@link #published()}) and every
 * delivery to a listener method ({@link #handled()}). {@code eventbus-test} registers one in
 * every Spring test context; a test autowires it. It is reset before each test method, and
 * events captured before the reset are not recorded as published or handled after it, so a test
 * never sees what an earlier test (of any class sharing the cached context) caused.
 *
 * <p>AssertJ's {@code assertThat} takes the recorder itself for its captured events, which are
 * complete as soon as the test's transaction has committed:
 *
 * <pre>
 * &#64;Autowired EventRecorder events;
 *
 * assertThat(events).contains("Order", Action.CREATED, OrderView.class).matching(OrderView::status, "NEW");
 * </pre>
 *
 * Publishing and handling happen after the commit, on other threads: wait for them with a
 * {@link Scenario}, or assert on them once something else proved they happened.
 */
public final class EventRecorder implements AssertProvider<RecordedEventsAssert> {

	private final Supplier<EventMessageCodec> codec;

	private final Object monitor = new Object();

	private final List<RecordedEvent> captured = new ArrayList<>();

	private final List<RecordedEvent> published = new ArrayList<>();

	private final List<RecordedHandling> handled = new ArrayList<>();

	/** The events captured before the last reset: their later publishing and handling belong to the test before. */
	private final Set<String> earlier = new HashSet<>();

	/** The events captured since the last reset, by id. */
	private final Map<String, RecordedEvent> current = new HashMap<>();

	/** The ids of the events published since the last reset: each is recorded as published once. */
	private final Set<String> publishedIds = new HashSet<>();

	private long sequence;

	/**
	 * Creates a recorder.
	 * @param codec the codec that binds payloads to types, looked up when first needed
	 */
	EventRecorder(Supplier<EventMessageCodec> codec) {
		this.codec = codec;
	}

	/**
	 * The events committed to the outbox since the last reset: told on the committing thread
	 * after each commit, so complete when the test's transaction returns.
	 * @return a snapshot, oldest first
	 */
	public RecordedEvents captured() {
		synchronized (this.monitor) {
			return new RecordedEvents("captured", this.captured);
		}
	}

	/**
	 * The events the relay sent to the broker (SNS, or the in-memory delivery) since the last
	 * reset, each once, when the broker accepted it (or a listener handled it, if that was
	 * sooner).
	 * @return a snapshot, oldest first
	 */
	public RecordedEvents published() {
		synchronized (this.monitor) {
			return new RecordedEvents("published", this.published);
		}
	}

	/**
	 * The deliveries to listener methods since the last reset, each once the method returned or
	 * threw (or was skipped as a duplicate), with its outcome.
	 * @return a snapshot, oldest first
	 */
	public RecordedHandlings handled() {
		synchronized (this.monitor) {
			return new RecordedHandlings(this.handled);
		}
	}

	/**
	 * Forgets everything recorded. The test framework calls it before each test method;
	 * publishing and handling of the events captured so far are not recorded after it.
	 */
	public void reset() {
		synchronized (this.monitor) {
			this.captured.clear();
			this.published.clear();
			this.handled.clear();
			this.earlier.addAll(this.current.keySet());
			this.current.clear();
			this.publishedIds.clear();
		}
	}

	/**
	 * Assertions on the {@linkplain #captured() captured} events.
	 * @return the assertions
	 */
	@Override
	public RecordedEventsAssert assertThat() {
		return captured().assertThat();
	}

	void captured(UUID eventId, String channel, String action, String body) {
		synchronized (this.monitor) {
			RecordedEvent event = new RecordedEvent(eventId, channel, action, body, this.codec, ++this.sequence);
			this.current.put(eventId.toString(), event);
			this.captured.add(event);
			this.monitor.notifyAll();
		}
	}

	void published(UUID eventId, String channel, String action, String body) {
		synchronized (this.monitor) {
			String id = eventId.toString();
			if (!this.earlier.contains(id) && this.publishedIds.add(id)) {
				this.published.add(new RecordedEvent(eventId, channel, action, body, this.codec, ++this.sequence));
				this.monitor.notifyAll();
			}
		}
	}

	void handled(String listener, String channel, String action, String eventId, HandleOutcome outcome,
			@Nullable Throwable error) {
		synchronized (this.monitor) {
			if (!this.earlier.contains(eventId)) {
				RecordedEvent captured = this.current.get(eventId);
				if (captured != null && this.publishedIds.add(eventId)) {
					// handled, so published: the listener may finish before the relay's send returns
					this.published.add(new RecordedEvent(captured.eventId(), captured.channel(), captured.action(),
							captured.body(), this.codec, ++this.sequence));
				}
				this.handled.add(new RecordedHandling(listener, channel, action, eventId, outcome, error,
						++this.sequence));
				this.monitor.notifyAll();
			}
		}
	}

	/** The captured events recorded after a mark. */
	RecordedEvents capturedSince(long mark) {
		return captured().filter((event) -> event.sequence() > mark);
	}

	/** The published events recorded after a mark. */
	RecordedEvents publishedSince(long mark) {
		return published().filter((event) -> event.sequence() > mark);
	}

	/** The deliveries recorded after a mark. */
	RecordedHandlings handledSince(long mark) {
		return handled().filter((handling) -> handling.sequence() > mark);
	}

	/** Lists everything recorded after a mark, for failure messages. */
	String describeSince(long mark) {
		String line = System.lineSeparator();
		return capturedSince(mark) + line + publishedSince(mark) + line + handledSince(mark);
	}

	/**
	 * The sequence number of the last thing recorded: what a scenario's stimulus caused comes
	 * after it.
	 */
	long mark() {
		synchronized (this.monitor) {
			return this.sequence;
		}
	}

	/**
	 * Waits until the condition holds, checking it whenever something is recorded and at least
	 * every {@code recheck} (for conditions on state outside the recorder). The condition is
	 * checked without holding the recorder's lock, so a slow one (a database query) never holds
	 * up the threads that record.
	 * @return whether it held before the timeout
	 */
	boolean awaitUntil(BooleanSupplier condition, Duration timeout, Duration recheck) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long seen = mark();
			if (condition.getAsBoolean()) {
				return true;
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			synchronized (this.monitor) {
				if (this.sequence == seen) {
					try {
						this.monitor.wait(Math.max(1, Math.min(left, recheck.toNanos()) / 1_000_000));
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException("interrupted while waiting for eventbus events", ex);
					}
				}
			}
		}
	}

}
