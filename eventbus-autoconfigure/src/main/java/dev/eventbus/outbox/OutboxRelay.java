package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

import dev.eventbus.transport.EventTransport;

/**
 * Moves events from the outbox to the transport. Woken right after a commit that wrote
 * events, and polling as well (to catch up after a crash, a failure or another instance's
 * commits). Each round claims a batch (rows locked until the round ends), sends it, marks the
 * sent events published and records failures on their rows with a back-off, so nothing is
 * dropped. When the broker is unreachable the relay backs off as a whole and logs one WARN per
 * outage and one INFO on recovery.
 * <p>
 * With several workers, the database round trips of one worker overlap the broker calls of the
 * others. Workers claim one after the other, and a claim leaves out the ordering keys
 * ({@code channel:entityId}) that another worker holds until that worker has committed, so the
 * events of one entity are still sent in order, by one worker at a time.
 */
public final class OutboxRelay implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	/** Stops after the listener containers (which stop in the default phase). */
	static final int PHASE = Integer.MAX_VALUE - 2048;

	private final OutboxStore store;

	private final EventTransport transport;

	private final OutboxSignal signal;

	private final RelaySettings settings;

	private final Clock clock;

	private final Worker single = new Worker(true);

	/** Claims happen one at a time, so that each sees the keys the others hold. */
	private final ReentrantLock claimLock = new ReentrantLock();

	/** The ordering keys of events claimed by a worker and not yet committed. */
	private final Set<String> heldKeys = new HashSet<>();

	/** The broker cannot be reached. */
	private final Outage brokerOutage = new Outage("eventbus cannot publish",
			"events stay in the outbox and are retried with back-off", "eventbus publishing again after");

	/** The outbox table cannot be read or written (database down, fail-over). */
	private final Outage storeOutage = new Outage("eventbus cannot use the outbox table",
			"retrying with back-off", "eventbus can use the outbox table again after");

	private volatile boolean running;

	private List<Thread> threads = List.of();

	private volatile int workerCount = 1;

	private volatile Instant nextPurge = Instant.MIN;

	/**
	 * Creates a relay.
	 * @param store the outbox
	 * @param transport the transport
	 * @param signal the commit signal
	 * @param settings the relay settings
	 * @param clock the clock
	 */
	public OutboxRelay(OutboxStore store, EventTransport transport, OutboxSignal signal, RelaySettings settings,
			Clock clock) {
		this.store = store;
		this.transport = transport;
		this.signal = signal;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		int workers = Math.max(1, this.settings.workers());
		this.workerCount = workers;
		List<Thread> started = new ArrayList<>(workers);
		for (int i = 0; i < workers; i++) {
			Worker worker = (workers == 1) ? this.single : new Worker(i == 0);
			Thread thread = new Thread(worker::loop, (workers == 1) ? "eventbus-relay" : "eventbus-relay-" + i);
			thread.setDaemon(true);
			started.add(thread);
		}
		this.threads = List.copyOf(started);
		this.threads.forEach(Thread::start);
	}

	@Override
	public void stop() {
		this.running = false;
		this.signal.wakeAll();
		long deadline = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
		for (Thread thread : this.threads) {
			try {
				thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (thread.isAlive()) {
				thread.interrupt();
			}
		}
		this.threads = List.of();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Runs one round over all ordering keys: claims, sends and marks one batch.
	 * @return whether a full batch was sent and more may be waiting
	 */
	public boolean relayOnce() {
		return this.single.relayOnce();
	}

	/** The next back-off delay: the first retry delay, then doubled up to the longest. */
	private Duration nextDelay(Duration current) {
		return current.isZero() ? this.settings.retryDelay()
				: min(current.multipliedBy(2), this.settings.maxRetryDelay());
	}

	private Instant retryAt(PendingEvent event, Instant now) {
		Duration delay = this.settings.retryDelay();
		for (int i = 0; i < event.attempts() && delay.compareTo(this.settings.maxRetryDelay()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return now.plus(min(delay, this.settings.maxRetryDelay()));
	}

	private void purgeIfDue(Instant now) {
		if (now.isBefore(this.nextPurge)) {
			return;
		}
		this.nextPurge = now.plus(Duration.ofMinutes(1));
		int purged = this.store.purge(now.minus(this.settings.retention()));
		if (purged > 0 && logger.isDebugEnabled()) {
			logger.debug("eventbus purged " + purged + " published event(s) older than " + this.settings.retention());
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One relay thread. */
	private final class Worker {

		private final boolean purges;

		private Duration outageDelay = Duration.ZERO;

		private Duration storeDelay = Duration.ZERO;

		Worker(boolean purges) {
			this.purges = purges;
		}

		void loop() {
			OutboxRelay relay = OutboxRelay.this;
			while (relay.running) {
				try {
					long seen = relay.signal.generation();
					boolean more = relayOnce();
					this.storeDelay = Duration.ZERO;
					relay.storeOutage.ended("");
					if (more && relay.workerCount > 1) {
						// a backlog: wake another worker to share it
						relay.signal.committed();
					}
					if (!more && relay.running) {
						if (!this.outageDelay.isZero()) {
							Thread.sleep(this.outageDelay.toMillis());
						}
						else {
							relay.signal.await(seen, relay.settings.pollInterval());
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (RuntimeException ex) {
					// the outbox cannot be read or written: back off like a broker outage
					this.storeDelay = relay.nextDelay(this.storeDelay);
					relay.storeOutage.failed(relay.clock.instant(), ex, true);
					sleepQuietly(this.storeDelay);
				}
			}
		}

		boolean relayOnce() {
			OutboxRelay relay = OutboxRelay.this;
			Instant now = relay.clock.instant();
			if (this.purges) {
				relay.purgeIfDue(now);
			}
			OutboxStore.Claim claim;
			Set<String> keys = new HashSet<>();
			relay.claimLock.lock();
			try {
				claim = relay.store.claim(relay.settings.batchSize(), now, Set.copyOf(relay.heldKeys));
				claim.events().forEach((event) -> keys.add(event.orderingKey()));
				relay.heldKeys.addAll(keys);
			}
			finally {
				relay.claimLock.unlock();
			}
			try {
				return relay(claim, now);
			}
			finally {
				claim.close();
				relay.claimLock.lock();
				try {
					relay.heldKeys.removeAll(keys);
				}
				finally {
					relay.claimLock.unlock();
				}
			}
		}

		private boolean relay(OutboxStore.Claim claim, Instant now) {
			OutboxRelay relay = OutboxRelay.this;
			List<PendingEvent> events = claim.events();
			if (events.isEmpty()) {
				claim.commit();
				return false;
			}
			Map<UUID, String> failures;
			try {
				failures = relay.transport.send(events);
			}
			catch (RuntimeException ex) {
				recordOutage(claim, events, now, ex);
				return false;
			}
			List<PendingEvent> published = new ArrayList<>(events.size());
			Instant sent = relay.clock.instant();
			for (PendingEvent event : events) {
				String failure = failures.get(event.eventId());
				if (failure == null) {
					published.add(event);
				}
				else {
					claim.markFailed(event, failure, relay.retryAt(event, sent));
				}
			}
			claim.markPublished(published, sent);
			claim.commit();
			this.outageDelay = Duration.ZERO;
			relay.brokerOutage.ended(" (" + published.size() + " event(s) in the first batch)");
			return events.size() == relay.settings.batchSize() && !published.isEmpty();
		}

		private void recordOutage(OutboxStore.Claim claim, List<PendingEvent> events, Instant attemptStarted,
				RuntimeException ex) {
			OutboxRelay relay = OutboxRelay.this;
			Instant now = relay.clock.instant();
			for (PendingEvent event : events) {
				claim.markFailed(event, String.valueOf(ex.getMessage()), relay.retryAt(event, now));
			}
			claim.commit();
			this.outageDelay = relay.nextDelay(this.outageDelay);
			relay.brokerOutage.failed(attemptStarted, ex, false);
		}

	}

	/**
	 * One kind of trouble: one WARN when it starts, DEBUG while it lasts, one INFO when it ends.
	 * A failure of an attempt that started before the last recovery does not open a new one.
	 */
	private final class Outage {

		private final String failing;

		private final String handling;

		private final String recovered;

		private volatile @Nullable Instant since;

		private Instant endedAt = Instant.MIN;

		Outage(String failing, String handling, String recovered) {
			this.failing = failing;
			this.handling = handling;
			this.recovered = recovered;
		}

		synchronized void failed(Instant attemptStarted, RuntimeException ex, boolean stackTrace) {
			if (this.since == null && attemptStarted.isAfter(this.endedAt)) {
				this.since = attemptStarted;
				logger.warn(this.failing + " (" + ex.getMessage() + "); " + this.handling + " up to "
						+ OutboxRelay.this.settings.maxRetryDelay(), stackTrace ? ex : null);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug(this.failing + ", still: " + ex.getMessage());
			}
		}

		void ended(String detail) {
			if (this.since == null) {
				return;
			}
			synchronized (this) {
				Instant started = this.since;
				if (started != null) {
					Instant now = OutboxRelay.this.clock.instant();
					logger.info(this.recovered + " " + Duration.between(started, now) + detail);
					this.since = null;
					this.endedAt = now;
				}
			}
		}

	}

	/**
	 * Settings of the relay.
	 *
	 * @param pollInterval how often to look without a signal
	 * @param batchSize rows per claim
	 * @param retryDelay first retry delay
	 * @param maxRetryDelay longest retry delay
	 * @param retention how long published rows are kept
	 * @param shutdownTimeout how long to wait for the current round on stop
	 * @param workers how many threads relay at once
	 */
	public record RelaySettings(Duration pollInterval, int batchSize, Duration retryDelay, Duration maxRetryDelay,
			Duration retention, Duration shutdownTimeout, int workers) {

		/**
		 * Settings with one worker.
		 * @param pollInterval how often to look without a signal
		 * @param batchSize rows per claim
		 * @param retryDelay first retry delay
		 * @param maxRetryDelay longest retry delay
		 * @param retention how long published rows are kept
		 * @param shutdownTimeout how long to wait for the current round on stop
		 */
		public RelaySettings(Duration pollInterval, int batchSize, Duration retryDelay, Duration maxRetryDelay,
				Duration retention, Duration shutdownTimeout) {
			this(pollInterval, batchSize, retryDelay, maxRetryDelay, retention, shutdownTimeout, 1);
		}

	}

}
