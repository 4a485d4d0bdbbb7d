package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

import dev.eventbus.transport.EventTransport;

/**
 * Moves events from the outbox to the transport. The outbox is split into
 * {@linkplain Partitions partitions} by ordering key; each instance's relay holds the leases
 * of its share of them ({@link PartitionLeases}, one thread), reads their unpublished events in
 * id order ({@link RelayReader}, one thread, woken right after a commit that wrote events and
 * polling as well) and sends them ({@link RelaySender}, {@code workers} threads, each event of
 * an entity on the same one). Sent events are marked published; a failed attempt is recorded on
 * its row with a back-off ({@link Backoff}) and later events of its entity wait for it, so
 * nothing is dropped and nothing overtakes. When the broker or the database is unreachable the
 * relay backs off and logs one WARN per outage and one INFO on recovery ({@link OutageLog}).
 * The relay that holds partition 0 deletes published events older than the retention
 * ({@link OutboxPurge}, on a thread of its own).
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

	private final RelayState state = new RelayState();

	private final PartitionLeases leases;

	private final OutboxPurge purge;

	/** The broker cannot be reached. */
	private final OutageLog brokerOutage;

	/** The outbox tables cannot be read or written (database down, fail-over). */
	private final OutageLog storeOutage;

	private final Object pause = new Object();

	private volatile boolean running;

	private volatile boolean sending;

	private List<Thread> threads = List.of();

	private List<Thread> senderThreads = List.of();

	/**
	 * Creates a relay.
	 * @param store the outbox
	 * @param leases the partition leases
	 * @param transport the transport
	 * @param signal the commit signal
	 * @param settings the relay settings
	 * @param clock the clock
	 */
	public OutboxRelay(OutboxStore store, RelayLeases leases, EventTransport transport, OutboxSignal signal,
			RelaySettings settings, Clock clock) {
		this.store = store;
		this.transport = transport;
		this.signal = signal;
		this.settings = settings;
		this.clock = clock;
		this.leases = new PartitionLeases(leases, "relay-" + UUID.randomUUID(), settings.leaseDuration(),
				this.state::isSending);
		this.purge = new OutboxPurge(store, settings.retention(), clock, logger);
		String maxDelay = " up to " + settings.maxRetryDelay();
		this.brokerOutage = new OutageLog(logger, "eventbus cannot publish",
				"events stay in the outbox and are retried with back-off" + maxDelay, "eventbus publishing again after",
				clock);
		this.storeOutage = new OutageLog(logger, "eventbus cannot use the outbox table", "retrying with back-off" + maxDelay,
				"eventbus can use the outbox table again after", clock);
	}

	@Override
	public void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.sending = true;
		this.state.clear();
		this.leases.join();
		Backoff backoff = new Backoff(this.settings.retryDelay(), this.settings.maxRetryDelay());
		int workers = Math.max(1, this.settings.workers());
		List<RelaySender> senders = new ArrayList<>(workers);
		List<Thread> started = new ArrayList<>(workers);
		for (int i = 0; i < workers; i++) {
			RelaySender sender = new RelaySender(this.store, this.transport, this.state, this.leases,
					Math.max(1, this.settings.batchSize()), backoff, this.brokerOutage, this.storeOutage,
					this.signal::committed, this.clock);
			senders.add(sender);
			started.add(thread(() -> sender.loop(() -> this.sending), "eventbus-relay-send-" + i));
		}
		this.senderThreads = List.copyOf(started);
		RelayReader reader = new RelayReader(this.store, this.state, this.leases, this.signal, List.copyOf(senders),
				this.settings.batchSize(), this.settings.pollInterval(), backoff, this.storeOutage, this.clock);
		this.threads = List.of(thread(() -> reader.loop(() -> this.running), "eventbus-relay"),
				thread(this::keepLeases, "eventbus-relay-leases"), thread(this::keepPurging, "eventbus-relay-purge"));
		this.senderThreads.forEach(Thread::start);
		this.threads.forEach(Thread::start);
	}

	@Override
	public void stop() {
		this.running = false;
		this.signal.wakeAll();
		synchronized (this.pause) {
			this.pause.notifyAll();
		}
		long deadline = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
		join(this.threads, deadline);
		// the reader has stopped: the senders finish the batch in hand, the rest is read again later
		this.sending = false;
		join(this.senderThreads, deadline);
		List<PendingEvent> sent = this.state.takeSent();
		if (!sent.isEmpty()) {
			try {
				this.store.markPublished(sent, this.clock.instant());
			}
			catch (RuntimeException ex) {
				logger.debug("eventbus could not mark " + sent.size() + " sent event(s) published; they are sent again", ex);
			}
		}
		if (this.senderThreads.stream().anyMatch(Thread::isAlive)) {
			// a send outlasted the shutdown timeout: let the leases expire rather than hand over now
			logger.debug("eventbus keeps its partition leases until they expire: a send is still under way");
		}
		else {
			try {
				this.leases.leave();
			}
			catch (RuntimeException ex) {
				logger.debug("eventbus could not give back its partition leases (they expire on their own)", ex);
			}
		}
		this.threads = List.of();
		this.senderThreads = List.of();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void keepLeases() {
		Duration storeDelay = Duration.ZERO;
		Backoff backoff = new Backoff(this.settings.retryDelay(), this.leases.interval());
		while (this.running) {
			Duration wait = this.leases.interval();
			try {
				long generation = this.leases.held().generation();
				Instant started = this.clock.instant();
				this.leases.round();
				storeDelay = Duration.ZERO;
				this.storeOutage.ended(started, "");
				PartitionLeases.Held held = this.leases.held();
				if (held.generation() != generation) {
					this.signal.wakeAll();
				}
			}
			catch (RuntimeException ex) {
				storeDelay = backoff.next(storeDelay);
				wait = storeDelay;
				this.storeOutage.failed(this.clock.instant(), ex, true);
			}
			if (!pause(wait)) {
				return;
			}
		}
	}

	/** Purges on a thread of its own, so a long purge never delays the renewal of leases. */
	private void keepPurging() {
		while (this.running) {
			if (this.leases.held().holds(0, System.nanoTime())) {
				try {
					this.purge.runIfDue();
				}
				catch (RuntimeException ex) {
					logger.debug("eventbus could not purge published events (tried again in a minute)", ex);
				}
			}
			if (!pause(this.leases.interval())) {
				return;
			}
		}
	}

	/** Waits, unless the relay stops; false when interrupted. */
	private boolean pause(Duration wait) {
		synchronized (this.pause) {
			if (this.running) {
				try {
					this.pause.wait(Math.max(1, wait.toMillis()));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return true;
	}

	private static Thread thread(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	private static void join(List<Thread> threads, long deadline) {
		for (Thread thread : threads) {
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
	}

	/**
	 * Settings of the relay.
	 *
	 * @param pollInterval how often to look without a signal
	 * @param batchSize rows per read
	 * @param retryDelay first retry delay
	 * @param maxRetryDelay longest retry delay
	 * @param retention how long published rows are kept
	 * @param shutdownTimeout how long to wait for the current batch on stop
	 * @param workers how many threads send at once
	 * @param leaseDuration how long a partition lease lasts without renewal (a relay that died
	 * holds its partitions this long)
	 */
	public record RelaySettings(Duration pollInterval, int batchSize, Duration retryDelay, Duration maxRetryDelay,
			Duration retention, Duration shutdownTimeout, int workers, Duration leaseDuration) {
	}

}
