package dev.eventbus.consume;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.awspring.cloud.sqs.listener.backpressure.BackPressureHandler.ReleaseReason;

/**
 * Lets one listener's container receive only while the breakers of what the listener needs are
 * closed. A listener needs a cause once one of its deliveries failed because of it (an
 * idempotent listener needs the database from the start, for its inbox). While such a breaker
 * is open the container asks for no messages; while it is half-open it receives one message at a
 * time, and the first one handled without an outage failure closes the breaker.
 */
final class ListenerGate {

	/** How long one request for permits waits before the container's polling loop goes round again. */
	private static final Duration MAX_WAIT = Duration.ofSeconds(1);

	private final String listener;

	private final ConsumptionBreakers breakers;

	private final Set<OutageCause> needs = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean trial = new AtomicBoolean();

	/**
	 * Deliveries whose outage failure was recorded and whose permit has not come back yet. Such a
	 * permit coming back during a trial says nothing about the dependency: the failure was seen
	 * (perhaps while the breaker was open, where it changes nothing) before the trial began.
	 */
	private final AtomicInteger failedInFlight = new AtomicInteger();

	/** Whether the listener was paused when the state was last looked at ({@link #refresh()}). */
	private final AtomicBoolean paused = new AtomicBoolean();

	/** How often the listener was paused. */
	private final AtomicLong pauses = new AtomicLong();

	ListenerGate(String listener, ConsumptionBreakers breakers, boolean needsDatabase) {
		this.listener = listener;
		this.breakers = breakers;
		if (needsDatabase) {
			this.needs.add(OutageCause.DATABASE);
		}
	}

	/**
	 * Records a delivery that failed because of a cause.
	 * @return how long the message should stay invisible
	 */
	Duration failed(OutageCause cause, Throwable failure) {
		this.needs.add(cause);
		this.failedInFlight.incrementAndGet();
		ConsumptionBreaker breaker = this.breakers.breaker(cause);
		// the breaker refreshes every gate, this one with its new need too
		Duration retry = breaker.failed(this.listener, failure);
		if (breaker.state() == ConsumptionBreaker.State.OPEN) {
			// a trial under way failed, or the failure came from another message: the next probe
			// that answers starts a new trial
			this.trial.set(false);
		}
		return retry;
	}

	/**
	 * Waits (at most a second) until the listener may receive.
	 * @param all obtains the permits of a full poll from the container's own back-pressure
	 * @param one obtains a single permit
	 * @return the permits obtained, 0 if the listener stays paused
	 */
	int request(Permits all, Permits one) throws InterruptedException {
		long deadline = System.nanoTime() + MAX_WAIT.toNanos();
		while (true) {
			ConsumptionBreaker.State state = state();
			if (state == ConsumptionBreaker.State.CLOSED) {
				return all.obtain();
			}
			if (state == ConsumptionBreaker.State.HALF_OPEN && this.trial.compareAndSet(false, true)) {
				int obtained = one.obtain();
				if (obtained == 0) {
					// a back-pressure mode that only polls full batches: the trial is one batch
					obtained = all.obtain();
				}
				if (obtained == 0) {
					this.trial.set(false);
				}
				return obtained;
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return 0;
			}
			this.breakers.awaitChange(Duration.ofNanos(left));
		}
	}

	/** Follows the permits the container hands back, to see the end of a trial message. */
	void released(int amount, ReleaseReason reason) {
		if (reason == ReleaseReason.PROCESSED) {
			// the permit of a delivery that failed with an outage (or, counted the same, of one
			// handled before it) says nothing of the trial: only one more than those ends it
			boolean ofAFailure = this.failedInFlight.getAndUpdate((n) -> Math.max(0, n - amount)) > 0;
			if (!ofAFailure && this.trial.compareAndSet(true, false)) {
				// handled without an outage failure (one would have opened the breaker again)
				for (OutageCause cause : this.needs) {
					this.breakers.breaker(cause).confirmed();
				}
			}
		}
		else if (reason == ReleaseReason.NONE_FETCHED && amount > 0) {
			// the queue had nothing: the next request may try again
			this.trial.set(false);
		}
	}

	/**
	 * Looks at the breakers this listener needs and counts a pause when it goes from
	 * consuming to paused (open or half-open). Called on every change of a breaker (a failure
	 * recorded while it is open included) and when the paused state is asked for.
	 * @return whether the listener is paused now
	 */
	boolean refresh() {
		boolean now = state() != ConsumptionBreaker.State.CLOSED;
		if (this.paused.compareAndSet(!now, now) && now) {
			this.pauses.incrementAndGet();
		}
		return now;
	}

	/**
	 * How often the listener was paused.
	 * @return the number of pauses since the start
	 */
	long pauses() {
		return this.pauses.get();
	}

	/** The most restrictive state of the breakers this listener needs. */
	private ConsumptionBreaker.State state() {
		ConsumptionBreaker.State worst = ConsumptionBreaker.State.CLOSED;
		for (OutageCause cause : this.needs) {
			ConsumptionBreaker.State state = this.breakers.breaker(cause).state();
			if (state == ConsumptionBreaker.State.OPEN) {
				return state;
			}
			if (state == ConsumptionBreaker.State.HALF_OPEN) {
				worst = state;
			}
		}
		return worst;
	}

	/** Obtains permits from the container's own back-pressure handling. */
	@FunctionalInterface
	interface Permits {

		int obtain() throws InterruptedException;

	}

}
