package dev.eventbus.consume;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.eventbus.Action;

/**
 * One {@link dev.eventbus.Listener} method found at start-up.
 *
 * @param id the listener id (part of the queue name)
 * @param channel the channel
 * @param actions the actions it receives, empty for all
 * @param concurrency messages handled at once, 0 for the configured default
 * @param idempotent whether redelivered events are skipped
 * @param retry the listener's own retry settings, each {@code null} for the configured default
 * @param noRetryFor exceptions that go to the dead-letter queue at once
 * @param bean the bean
 * @param method the method to invoke on the bean
 * @param binder binds a message to the method's arguments
 */
record ListenerEndpoint(String id, String channel, Set<Action> actions, int concurrency, boolean idempotent,
		RetryOverrides retry, List<Class<? extends Throwable>> noRetryFor, Object bean, Method method,
		ArgumentBinder binder) {

	/**
	 * The method as {@code Class.method(ParamTypes)}, for logs and errors.
	 * @return the description
	 */
	String describe() {
		return ListenerMethodException.describe(this.method);
	}

	/**
	 * Retry settings given on the annotation.
	 *
	 * @param initialDelay the first delay, or {@code null}
	 * @param multiplier the multiplier, or {@code null}
	 * @param maxDelay the longest delay, or {@code null}
	 */
	record RetryOverrides(@Nullable Duration initialDelay, @Nullable Double multiplier, @Nullable Duration maxDelay) {
	}

}
