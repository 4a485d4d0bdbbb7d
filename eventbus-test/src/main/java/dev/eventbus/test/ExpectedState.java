package dev.eventbus.test;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A state change a {@link Stimulus} expects: concluded with {@link #andVerify}, which waits
 * until the state is accepted.
 *
 * @param <S> the state type
 */
public final class ExpectedState<S> {

	private static final Duration RECHECK = Duration.ofMillis(100);

	private final EventRecorder recorder;

	private final long mark;

	private final Duration timeout;

	private final Supplier<S> state;

	private final Predicate<? super S> accepted;

	ExpectedState(EventRecorder recorder, long mark, Duration timeout, Supplier<S> state,
			Predicate<? super S> accepted) {
		this.recorder = recorder;
		this.mark = mark;
		this.timeout = timeout;
		this.state = state;
		this.accepted = accepted;
	}

	/**
	 * Waits until the state is accepted, then verifies it.
	 * @param verification assertions on the accepted state
	 * @return the accepted state
	 * @throws AssertionError if the state was not accepted in time, with the last value read and
	 * what was recorded since the stimulus
	 */
	public S andVerify(Consumer<? super S> verification) {
		Object[] last = { null };
		boolean changed = this.recorder.awaitUntil(() -> {
			S value = this.state.get();
			last[0] = value;
			return this.accepted.test(value);
		}, this.timeout, RECHECK);
		if (!changed) {
			throw new AssertionError("Expecting the state to change within " + this.timeout
					+ " of the stimulus, but it was still " + last[0] + "; since the stimulus: "
					+ System.lineSeparator() + this.recorder.describeSince(this.mark));
		}
		@SuppressWarnings("unchecked")
		S value = (S) last[0];
		verification.accept(value);
		return value;
	}

	/** The default acceptance: a value that says something happened. */
	static boolean conclusive(@Nullable Object value) {
		if (value == null || Boolean.FALSE.equals(value)) {
			return false;
		}
		if (value instanceof Optional<?> optional) {
			return optional.isPresent();
		}
		if (value instanceof Collection<?> collection) {
			return !collection.isEmpty();
		}
		return !(value instanceof Map<?, ?> map) || !map.isEmpty();
	}

}
