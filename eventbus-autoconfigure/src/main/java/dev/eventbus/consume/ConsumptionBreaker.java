package dev.eventbus.consume;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The circuit breaker of one {@link OutageCause}, shared by every listener of the application.
 * The first delivery that fails because of the cause opens it: the listeners that need the
 * cause stop receiving (one WARN). While it is open a probe checks the dependency, first after
 * {@code eventbus.consume.outage.probe-delay}, then at doubling intervals up to
 * {@code max-probe-delay} (DEBUG). Once the probe answers the breaker is half-open: each paused
 * listener receives one message; the first of them handled without an outage failure closes it
 * (one INFO with the duration), an outage failure opens it again.
 */
public final class ConsumptionBreaker {

	private static final Log logger = LogFactory.getLog(ConsumptionBreaker.class);

	/** Where a breaker stands. */
	public enum State {

		/** Listeners consume. */
		CLOSED,

		/** Listeners that need the cause do not receive messages; a probe runs with back-off. */
		OPEN,

		/** The probe answered: each paused listener receives one message to confirm. */
		HALF_OPEN

	}

	private final OutageCause cause;

	private final ConsumptionBreakers owner;

	private final ConsumptionBreakers.@Nullable Probe probe;

	private final ScheduledExecutorService scheduler;

	private final Clock clock;

	private State state = State.CLOSED;

	private @Nullable Instant openedAt;

	private Duration delay = Duration.ZERO;

	ConsumptionBreaker(OutageCause cause, ConsumptionBreakers owner, ConsumptionBreakers.@Nullable Probe probe,
			ScheduledExecutorService scheduler, Clock clock) {
		this.cause = cause;
		this.owner = owner;
		this.probe = probe;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * The cause this breaker stands for.
	 * @return the cause
	 */
	public OutageCause cause() {
		return this.cause;
	}

	/**
	 * Where the breaker stands now.
	 * @return the state
	 */
	public synchronized State state() {
		return this.state;
	}

	/**
	 * When the breaker opened.
	 * @return the time it opened, or {@code null} while it is closed
	 */
	public synchronized @Nullable Instant openedAt() {
		return this.openedAt;
	}

	/**
	 * Records a delivery that failed because of this breaker's cause.
	 * @param listener the listener
	 * @param failure what it threw
	 * @return how long the message should stay invisible: until about the next probe
	 */
	Duration failed(String listener, Throwable failure) {
		ConsumptionBreakers.Paused paused = null;
		Duration retry;
		synchronized (this) {
			ConsumptionBreakers.Settings settings = this.owner.settings();
			if (this.state == State.CLOSED) {
				Instant now = this.clock.instant();
				this.state = State.OPEN;
				this.openedAt = now;
				this.delay = settings.probeDelay();
				schedule();
				logger.warn("eventbus listeners that need the " + name() + " pause: @Listener " + listener
						+ " failed because it is unavailable (" + failure + "); messages stay in their queues "
						+ "and are not counted as failures, probing with back-off up to " + settings.maxProbeDelay());
				paused = new ConsumptionBreakers.Paused(this.cause, now, String.valueOf(failure));
			}
			else if (this.state == State.HALF_OPEN) {
				this.state = State.OPEN;
				this.delay = settings.next(this.delay);
				schedule();
				debug("still unavailable: @Listener " + listener + " failed (" + failure + "); next probe in "
						+ this.delay);
			}
			else {
				debug("still unavailable: @Listener " + listener + " failed (" + failure + ")");
			}
			retry = this.delay;
		}
		this.owner.changed(paused);
		return retry;
	}

	/**
	 * Records a message handled without an outage failure while the breaker is half-open: the
	 * breaker closes.
	 */
	void confirmed() {
		ConsumptionBreakers.Resumed resumed;
		synchronized (this) {
			Instant opened = this.openedAt;
			if (this.state != State.HALF_OPEN || opened == null) {
				return;
			}
			Duration pausedFor = Duration.between(opened, this.clock.instant());
			this.state = State.CLOSED;
			this.openedAt = null;
			this.delay = Duration.ZERO;
			logger.info("eventbus listeners that need the " + name() + " consume again after " + pausedFor);
			resumed = new ConsumptionBreakers.Resumed(this.cause, pausedFor);
		}
		this.owner.changed(resumed);
	}

	private void schedule() {
		try {
			this.scheduler.schedule(this::probe, this.delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the application is shutting down: nothing to resume
		}
	}

	private void probe() {
		boolean available;
		try {
			available = this.probe == null || this.probe.available();
		}
		catch (RuntimeException ex) {
			debug("probe failed: " + ex);
			available = false;
		}
		synchronized (this) {
			if (this.state != State.OPEN) {
				return;
			}
			if (available) {
				this.state = State.HALF_OPEN;
				debug("probe answered; each paused listener receives one message to confirm");
			}
			else {
				this.delay = this.owner.settings().next(this.delay);
				debug("probe: still unavailable; next probe in " + this.delay);
				schedule();
			}
		}
		this.owner.changed(null);
	}

	private String name() {
		return (this.cause == OutageCause.DATABASE) ? "database" : "AWS services";
	}

	private void debug(String message) {
		if (logger.isDebugEnabled()) {
			logger.debug("eventbus " + name() + " breaker: " + message);
		}
	}

	@Override
	public String toString() {
		return "ConsumptionBreaker[" + this.cause + ", " + state() + "]";
	}

}
