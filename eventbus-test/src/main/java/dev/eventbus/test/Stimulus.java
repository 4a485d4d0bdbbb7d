package dev.eventbus.test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.eventbus.Action;

/**
 * A stimulus that ran (its transaction committed): say what to wait for.
 *
 * @param <T> the type of the stimulus's result
 */
public final class Stimulus<T> {

	private final EventRecorder recorder;

	private final long mark;

	private final @Nullable T result;

	private final Duration timeout;

	Stimulus(EventRecorder recorder, long mark, @Nullable T result, Duration timeout) {
		this.recorder = recorder;
		this.mark = mark;
		this.result = result;
		this.timeout = timeout;
	}

	/**
	 * Waits at most this long for what follows (instead of {@link Scenario#DEFAULT_TIMEOUT}).
	 * @param timeout the longest wait
	 * @return a stimulus that waits that long
	 */
	public Stimulus<T> andWaitAtMost(Duration timeout) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The timeout must be positive, was " + timeout);
		}
		return new Stimulus<>(this.recorder, this.mark, this.result, timeout);
	}

	/**
	 * What the stimulus returned.
	 * @return the result, {@code null} for a stimulus that returns nothing
	 */
	public @Nullable T result() {
		return this.result;
	}

	/**
	 * Expects the relay to publish an event of the channel and action; the payload is read as a
	 * map.
	 * @param channel the channel
	 * @param action the action
	 * @return the expectation, to narrow and then wait for with {@link ExpectedEvent#toArrive()}
	 */
	public ExpectedEvent<Map<String, @Nullable Object>> andWaitForPublished(String channel, Action action) {
		return andWaitForPublished(channel, action.wireName());
	}

	/**
	 * Expects the relay to publish an event of the channel and action; the payload is read as a
	 * map.
	 * @param channel the channel
	 * @param action the action in wire form (case is ignored)
	 * @return the expectation, to narrow and then wait for with {@link ExpectedEvent#toArrive()}
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public ExpectedEvent<Map<String, @Nullable Object>> andWaitForPublished(String channel, String action) {
		return andWaitForPublished(channel, action, (Class) Map.class);
	}

	/**
	 * Expects the relay to publish an event of the channel and action, its payload bound to a type
	 * as a listener parameter of that type is.
	 * @param channel the channel
	 * @param action the action
	 * @param payloadType the payload type
	 * @param <P> the payload type
	 * @return the expectation, to narrow and then wait for with {@link ExpectedEvent#toArrive()}
	 */
	public <P> ExpectedEvent<P> andWaitForPublished(String channel, Action action, Class<P> payloadType) {
		return andWaitForPublished(channel, action.wireName(), payloadType);
	}

	/**
	 * Expects the relay to publish an event of the channel and action, its payload bound to a type
	 * as a listener parameter of that type is.
	 * @param channel the channel
	 * @param action the action in wire form (case is ignored)
	 * @param payloadType the payload type
	 * @param <P> the payload type
	 * @return the expectation, to narrow and then wait for with {@link ExpectedEvent#toArrive()}
	 */
	public <P> ExpectedEvent<P> andWaitForPublished(String channel, String action, Class<P> payloadType) {
		return new ExpectedEvent<>(this.recorder, this.mark, this.timeout, channel, action, payloadType);
	}

	/**
	 * Expects a listener to have handled an event of the channel and action (by default: once,
	 * successfully).
	 * @param listener the listener id ({@code <bean name>-<method name>} unless the
	 * {@code @Listener} names one)
	 * @param channel the channel
	 * @param action the action
	 * @return the expectation, to narrow and then wait for with {@link ExpectedHandling#toComplete()}
	 */
	public ExpectedHandling andWaitForHandled(String listener, String channel, Action action) {
		return andWaitForHandled(listener, channel, action.wireName());
	}

	/**
	 * Expects a listener to have handled an event of the channel and action (by default: once,
	 * successfully).
	 * @param listener the listener id
	 * @param channel the channel
	 * @param action the action in wire form (case is ignored)
	 * @return the expectation, to narrow and then wait for with {@link ExpectedHandling#toComplete()}
	 */
	public ExpectedHandling andWaitForHandled(String listener, String channel, String action) {
		return new ExpectedHandling(this.recorder, this.mark, this.timeout, listener, channel, action);
	}

	/**
	 * Expects a state change: the supplier (a repository query, for example) gives a conclusive
	 * value: not {@code null}, not an empty {@link Optional}, collection or map, not
	 * {@code false}.
	 * @param state reads the state; called again whenever something is recorded, and at least
	 * every 100 ms
	 * @param <S> the state type
	 * @return the expectation, concluded with {@link ExpectedState#andVerify}
	 */
	public <S> ExpectedState<S> andWaitForStateChange(Supplier<S> state) {
		return andWaitForStateChange(state, ExpectedState::conclusive);
	}

	/**
	 * Expects a state change: the supplier gives a value the condition accepts.
	 * @param state reads the state; called again whenever something is recorded, and at least
	 * every 100 ms
	 * @param accepted whether a value is the one the test waits for
	 * @param <S> the state type
	 * @return the expectation, concluded with {@link ExpectedState#andVerify}
	 */
	public <S> ExpectedState<S> andWaitForStateChange(Supplier<S> state, Predicate<? super S> accepted) {
		return new ExpectedState<>(this.recorder, this.mark, this.timeout, state, accepted);
	}

}
