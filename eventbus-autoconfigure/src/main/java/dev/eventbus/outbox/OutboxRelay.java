package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

import dev.eventbus.observation.OutboxTraceContext;
import dev.eventbus.observation.PublishObservationConvention;

import dev.eventbus.transport.EventTransport;

/**
 * Moves events from the outbox to the transport. The outbox is split into
 * {@linkplain Partitions partitions} by ordering key; each instance's relay holds the leases
 * of its share of them ({@link PartitionLeases}, one thread), reads their unpublished events in
 * id order ({@link RelayReader}, one thread, woken right after a commit that wrote events and
 * polling as well) and sends them ({@link RelaySender}, {@code workers} threads, each event of
 * an entity on the same one) as transport messages ({@link RelayMessages}). Sent events are
 * marked published; a failed attempt is recorded on its row with a back-off ({@link Backoff},
 * {@link SendRecorder}) and later events of its entity wait for it, so
 * nothing is dropped and nothing overtakes. When the broker or the database is unreachable the
 * relay backs off and logs one WARN per outage and one INFO on recovery ({@link OutageLog}).
 * The relay that holds partition 0 deletes published events older than the retention
 * ({@link OutboxPurge}, on a thread of its own), unless they are kept forever.
 */
public final class OutboxRelay implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	/** Stops after the listener containers (which stop in the default phase). */
	static final int PHASE = Integer.MAX_VALUE - 2048;

	private final OutboxStore store;

	private final EventTransport transport;

	private final RelayMessages messages;

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

	private final RelayPause pause = new RelayPause();

	private final PublishObservations observations;

	private volatile boolean running;

	private volatile boolean sending;

	private List<Thread> threads = List.of();

	private List<Thread> senderThreads = List.of();

	/**
	 * Creates a relay.
	 * @param store the outbox
	 * @param leases the partition leases
	 * @param transport the transport
	 * @param publisher this application's publisher, if any: the {@code publisher} attribute of
	 * rows recorded without a topic (rows with a topic carry their own)
	 * @param signal the commit signal
	 * @param settings the relay settings
	 * @param clock the clock
	 */
	public OutboxRelay(OutboxStore store, RelayLeases leases, EventTransport transport, @Nullable String publisher,
			OutboxSignal signal, RelaySettings settings, Clock clock) {
		this(store, leases, transport, publisher, signal, settings, clock, Observability.NONE);
	}

	/**
	 * Creates a relay that observes each event it sends.
	 * @param store the outbox
	 * @param leases the partition leases
	 * @param transport the transport
	 * @param publisher this application's publisher, if any
	 * @param signal the commit signal
	 * @param settings the relay settings
	 * @param clock the clock
	 * @param observability the observation registry, convention and trace contexts
	 */
	public OutboxRelay(OutboxStore store, RelayLeases leases, EventTransport transport, @Nullable String publisher,
			OutboxSignal signal, RelaySettings settings, Clock clock, Observability observability) {
		this.observations = new PublishObservations(observability.registry(), observability.convention(),
				observability.traceContext());
		this.store = store;
		this.transport = transport;
		this.messages = new RelayMessages(publisher);
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
			SendRecorder recorder = new SendRecorder(this.store, this.state, backoff, this.brokerOutage,
					this.storeOutage, this.signal::committed, this.clock);
			RelaySender sender = new RelaySender(this.state, Math.max(1, this.settings.batchSize()),
					new BatchSender(this.transport, this.messages, this.state, this.leases, recorder, this.clock,
							this.observations));
			senders.add(sender);
			started.add(thread(() -> sender.loop(() -> this.sending), "eventbus-relay-send-" + i));
		}
		this.senderThreads = List.copyOf(started);
		RelayReader reader = new RelayReader(this.store, this.state, this.leases, this.signal, List.copyOf(senders),
				this.settings.batchSize(), this.settings.pollInterval(), backoff, this.storeOutage, this.clock);
		LeaseRounds rounds = new LeaseRounds(this.leases, this.settings.retryDelay(), this.storeOutage,
				this.signal::wakeAll, this.clock);
		this.threads = List.of(thread(() -> reader.loop(() -> this.running), "eventbus-relay"),
				thread(() -> rounds.loop(() -> this.running, this.pause), "eventbus-relay-leases"),
				thread(() -> this.purge.loop(() -> this.running, this.leases, this.pause), "eventbus-relay-purge"));
		this.senderThreads.forEach(Thread::start);
		this.threads.forEach(Thread::start);
	}

	@Override
	public void stop() {
		this.running = false;
		this.signal.wakeAll();
		this.pause.wakeAll();
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

	/**
	 * Makes this relay send, at its next read, the events that {@link FailingEvents#retryNow}
	 * made due, instead of at the retry times it remembers for their entities, and wakes its
	 * reader. Relays of other instances send the rows of their partitions once the waits they
	 * remember are over (at most {@code max-retry-delay}).
	 */
	public void retryNow() {
		this.state.requestRetry();
		this.signal.committed();
	}

	/**
	 * Since when the relay cannot publish: the start of the first send that found the broker
	 * unreachable, with no successful send since (a rejected entry, such as one for a missing
	 * topic, is a failure of its event, not of publishing). Read by the health indicator.
	 * @return the time, or {@code null} while the relay publishes (or has nothing to publish)
	 */
	public @Nullable Instant publishingFailedSince() {
		return this.brokerOutage.since();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
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
	 * @param retention how long published rows are kept, {@code null} to keep them forever (no
	 * purge)
	 * @param shutdownTimeout how long to wait for the current batch on stop
	 * @param workers how many threads send at once
	 * @param leaseDuration how long a partition lease lasts without renewal (a relay that died
	 * holds its partitions this long)
	 */
	public record RelaySettings(Duration pollInterval, int batchSize, Duration retryDelay, Duration maxRetryDelay,
			@Nullable Duration retention, Duration shutdownTimeout, int workers, Duration leaseDuration) {
	}

	/**
	 * How the relay observes what it sends: one {@code eventbus.publish} observation per event.
	 *
	 * @param registry the application's observation registry
	 * @param convention the application's convention, {@code null} for the default
	 * @param traceContext restores the trace context stored with a row
	 */
	public record Observability(ObservationRegistry registry, @Nullable PublishObservationConvention convention,
			OutboxTraceContext traceContext) {

		/** Observes nothing. */
		public static final Observability NONE = new Observability(ObservationRegistry.NOOP, null,
				OutboxTraceContext.NONE);

	}

}
