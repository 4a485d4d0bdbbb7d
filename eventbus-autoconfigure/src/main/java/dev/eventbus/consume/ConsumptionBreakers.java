package dev.eventbus.consume;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The circuit breakers of the application's listeners, one per {@link OutageCause}, shared by
 * all listeners: the place to ask whether consumption is paused. Each pause and resumption is
 * also handed to the event sink given at construction (the auto-configuration publishes them
 * as Spring application events, {@link Paused} and {@link Resumed}, so that an
 * {@code @EventListener} can count or report them).
 */
public final class ConsumptionBreakers implements AutoCloseable {

	private final Settings settings;

	private final Map<OutageCause, ConsumptionBreaker> breakers = new EnumMap<>(OutageCause.class);

	private final Consumer<Object> events;

	/** The gate of each listener, by listener id. */
	private final Map<String, ListenerGate> gates = new ConcurrentHashMap<>();

	private final ScheduledThreadPoolExecutor scheduler;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	/**
	 * Creates the breakers.
	 * @param settings probe delays
	 * @param probes a cheap check per cause (a cause without one is probed by letting one
	 * message through)
	 * @param events receives a {@link Paused} or {@link Resumed} on every change
	 */
	public ConsumptionBreakers(Settings settings, Map<OutageCause, Probe> probes, Consumer<Object> events) {
		this.settings = settings;
		this.events = events;
		this.scheduler = new ScheduledThreadPoolExecutor(OutageCause.values().length, (task) -> {
			Thread thread = new Thread(task, "eventbus-breaker");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.setRemoveOnCancelPolicy(true);
		for (OutageCause cause : OutageCause.values()) {
			this.breakers.put(cause,
					new ConsumptionBreaker(cause, this, probes.get(cause), this.scheduler, Clock.systemUTC()));
		}
	}

	/**
	 * The breaker of one cause.
	 * @param cause the cause
	 * @return its breaker
	 */
	public ConsumptionBreaker breaker(OutageCause cause) {
		return this.breakers.get(cause);
	}

	/**
	 * Tells whether any breaker is open or half-open, that is whether some listeners do not
	 * consume at full speed.
	 * @return whether consumption is paused for any cause
	 */
	public boolean isPaused() {
		return this.breakers.values()
			.stream()
			.anyMatch((breaker) -> breaker.state() != ConsumptionBreaker.State.CLOSED);
	}

	/**
	 * Tells whether one listener's consumption is paused: a breaker of a cause it needs is
	 * open or half-open.
	 * @param listener the listener id
	 * @return whether it is paused; {@code false} for an unknown listener
	 */
	public boolean isPaused(String listener) {
		ListenerGate gate = this.gates.get(listener);
		return gate != null && gate.refresh();
	}

	/**
	 * How often one listener's consumption was paused since the application started.
	 * @param listener the listener id
	 * @return the number of pauses; 0 for an unknown listener
	 */
	public long pauses(String listener) {
		ListenerGate gate = this.gates.get(listener);
		return (gate != null) ? gate.pauses() : 0;
	}

	/** Notes the gate of a listener, to follow its pauses. */
	void register(String listener, ListenerGate gate) {
		this.gates.put(listener, gate);
	}

	Settings settings() {
		return this.settings;
	}

	/** Wakes the listeners waiting for a change, and hands on an event. */
	void changed(@Nullable Object event) {
		this.lock.lock();
		try {
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		this.gates.values().forEach(ListenerGate::refresh);
		if (event != null) {
			this.events.accept(event);
		}
	}

	/** Waits for a change of any breaker, at most the given time. */
	void awaitChange(Duration atMost) throws InterruptedException {
		this.lock.lock();
		try {
			this.changed.await(atMost.toNanos(), TimeUnit.NANOSECONDS);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Stops the probes.
	 */
	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	/**
	 * Checks cheaply whether a dependency answers again, such as a database connection that
	 * is valid.
	 */
	@FunctionalInterface
	public interface Probe {

		/**
		 * Checks the dependency.
		 * @return whether it answers
		 */
		boolean available();

	}

	/**
	 * Probe delays.
	 *
	 * @param probeDelay delay before the first probe
	 * @param maxProbeDelay longest delay between probes
	 */
	public record Settings(Duration probeDelay, Duration maxProbeDelay) {

		Duration next(Duration current) {
			Duration doubled = current.multipliedBy(2);
			return (doubled.compareTo(this.maxProbeDelay) <= 0) ? doubled : this.maxProbeDelay;
		}

	}

	/**
	 * Published when the listeners that need a dependency stop consuming.
	 *
	 * @param cause what is unavailable
	 * @param since when the first failure was seen
	 * @param failure the failure that opened the breaker
	 */
	public record Paused(OutageCause cause, Instant since, String failure) {
	}

	/**
	 * Published when they consume again.
	 *
	 * @param cause what was unavailable
	 * @param pausedFor how long consumption was paused
	 */
	public record Resumed(OutageCause cause, Duration pausedFor) {
	}

}
