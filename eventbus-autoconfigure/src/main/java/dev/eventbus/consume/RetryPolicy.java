package dev.eventbus.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How the failures of one listener are retried: the back-off between deliveries and the
 * exceptions that go to the dead-letter queue at once. The configured policy
 * ({@code eventbus.consume.retry.*}) is the default; a {@link dev.eventbus.Listener}'s own
 * attributes take precedence over it ({@link #overriddenBy}).
 *
 * @param initialDelay delay before the first redelivery
 * @param multiplier growth of the delay per failure
 * @param maxDelay longest delay
 * @param nonRetryable exceptions (and their subclasses) that retrying cannot fix
 */
public record RetryPolicy(Duration initialDelay, double multiplier, Duration maxDelay,
		List<Class<? extends Throwable>> nonRetryable) {

	/**
	 * Creates the policy.
	 * @param initialDelay delay before the first redelivery
	 * @param multiplier growth of the delay per failure
	 * @param maxDelay longest delay
	 * @param nonRetryable exceptions that go to the dead-letter queue at once
	 */
	public RetryPolicy {
		nonRetryable = List.copyOf(nonRetryable);
	}

	/**
	 * This policy with a listener's own settings: each one given replaces this policy's, and its
	 * non-retryable exceptions are added to this policy's.
	 * @param initialDelay the listener's first delay, or {@code null} for this policy's
	 * @param multiplier the listener's multiplier, or {@code null} for this policy's
	 * @param maxDelay the listener's longest delay, or {@code null} for this policy's
	 * @param noRetryFor the listener's own non-retryable exceptions
	 * @return the listener's policy
	 */
	RetryPolicy overriddenBy(@Nullable Duration initialDelay, @Nullable Double multiplier, @Nullable Duration maxDelay,
			List<Class<? extends Throwable>> noRetryFor) {
		List<Class<? extends Throwable>> types = new ArrayList<>(this.nonRetryable);
		types.addAll(noRetryFor);
		return new RetryPolicy((initialDelay != null) ? initialDelay : this.initialDelay,
				(multiplier != null) ? multiplier : this.multiplier, (maxDelay != null) ? maxDelay : this.maxDelay,
				types);
	}

	/**
	 * Whether a failure may be retried.
	 * @param cause the exception the listener threw
	 * @return {@code false} if it is an instance of a non-retryable type
	 */
	boolean isRetryable(Throwable cause) {
		for (Class<? extends Throwable> type : this.nonRetryable) {
			if (type.isInstance(cause)) {
				return false;
			}
		}
		return true;
	}

}
