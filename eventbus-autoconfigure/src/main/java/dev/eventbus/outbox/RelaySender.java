package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.eventbus.transport.EventTransport;

/**
 * One sending thread of the relay. The reader hands it events, and it takes everything that
 * has queued up meanwhile (up to the batch size) as one batch, in the order handed (so the
 * events of one entity, which always come to the same sender, leave in order): at a low rate
 * an event leaves alone at once, at a high rate the events of many commits share
 * {@code PublishBatch} calls. It sends them, records what failed with its retry time, and
 * leaves what was sent to the reader, which marks it published with its next read (one round
 * trip for both), so a sender never waits for the database after a successful send. Before sending it drops the events whose partition is no longer held or whose entity
 * waits for a retry (an earlier event of it failed meanwhile): those are read again later.
 * When the broker cannot be reached at all, sending pauses for the relay's back-off.
 */
final class RelaySender {

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	/** Events per transport call: one SNS {@code PublishBatch}. */
	private static final int CHUNK = 10;

	/** The rate (events a second for this sender) from which a small batch waits for more. */
	static final int LINGER_RATE = 500;

	/** How long a small batch waits for more at a high rate. */
	static final int LINGER_MICROS = 1000;

	private static final long RATE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	/** Events taken in the current rate window. */
	private long windowEvents;

	private long windowStart = System.nanoTime();

	/** Events a second taken in the last rate window. */
	private double rate;

	/** Events waiting for this sender: two batches (the reader reads ahead by that much). */
	private final BlockingQueue<PendingEvent> queue;

	private final int batchSize;

	private final OutboxStore store;

	private final EventTransport transport;

	private final RelayState state;

	private final PartitionLeases leases;

	private final Backoff backoff;

	private final OutageLog brokerOutage;

	private final OutageLog storeOutage;

	private final Clock clock;

	/** Wakes the reader, which marks what was sent. */
	private final Runnable wake;

	private Duration outageDelay = Duration.ZERO;

	RelaySender(OutboxStore store, EventTransport transport, RelayState state, PartitionLeases leases, int batchSize,
			Backoff backoff, OutageLog brokerOutage, OutageLog storeOutage, Runnable wake, Clock clock) {
		this.wake = wake;
		this.queue = new ArrayBlockingQueue<>(2 * batchSize);
		this.batchSize = batchSize;
		this.store = store;
		this.transport = transport;
		this.state = state;
		this.leases = leases;
		this.backoff = backoff;
		this.brokerOutage = brokerOutage;
		this.storeOutage = storeOutage;
		this.clock = clock;
	}

	/**
	 * Hands events to this sender, waiting while its queue is full. Events it could not take
	 * because the relay stopped meanwhile are handed back.
	 * @param events the events, in id order
	 * @param running whether the relay still runs
	 * @throws InterruptedException if the thread is interrupted
	 */
	void hand(List<PendingEvent> events, BooleanSupplier running) throws InterruptedException {
		int handed = 0;
		try {
			while (handed < events.size() && running.getAsBoolean()) {
				if (this.queue.offer(events.get(handed), 100, TimeUnit.MILLISECONDS)) {
					handed++;
				}
			}
		}
		finally {
			for (int i = handed; i < events.size(); i++) {
				this.state.handedBack(events.get(i));
			}
		}
	}

	/**
	 * Sends until {@code running} turns false; hands back what is still queued then.
	 * @param running whether to go on
	 */
	void loop(BooleanSupplier running) {
		try {
			while (running.getAsBoolean()) {
				PendingEvent first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first != null) {
					waitWhilePaused(running);
					List<PendingEvent> batch = take(first);
					try {
						send(batch);
					}
					catch (RuntimeException ex) {
						// a transport or store that throws what it should not: the batch is read again
						logger.warn("eventbus could not send " + batch.size() + " event(s); they are read and sent again",
								ex);
						batch.forEach((event) -> {
							if (this.state.isSending(event.id())) {
								this.state.handedBack(event);
							}
						});
						Thread.sleep(100);
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			List<PendingEvent> left = new ArrayList<>();
			this.queue.drainTo(left);
			left.forEach(this.state::handedBack);
		}
	}

	/**
	 * Everything queued up, up to the batch size. At a high rate (from
	 * {@value #LINGER_RATE} events a second for this sender) a batch of fewer than ten waits up
	 * to {@value #LINGER_MICROS} microseconds for more, so that commits share
	 * {@code PublishBatch} calls (half the broker and client work of single {@code Publish}
	 * calls); at a lower rate an event leaves at once.
	 */
	private List<PendingEvent> take(PendingEvent first) throws InterruptedException {
		List<PendingEvent> batch = new ArrayList<>(this.batchSize);
		batch.add(first);
		this.queue.drainTo(batch, this.batchSize - 1);
		long now = System.nanoTime();
		long elapsed = now - this.windowStart;
		if (elapsed >= RATE_WINDOW_NANOS) {
			this.rate = this.windowEvents * 1e9 / elapsed;
			this.windowEvents = 0;
			this.windowStart = now;
		}
		if (batch.size() < CHUNK && this.rate >= LINGER_RATE) {
			long until = now + TimeUnit.MICROSECONDS.toNanos(LINGER_MICROS);
			long left;
			while (batch.size() < CHUNK && (left = until - System.nanoTime()) > 0) {
				PendingEvent next = this.queue.poll(left, TimeUnit.NANOSECONDS);
				if (next == null) {
					break;
				}
				batch.add(next);
				this.queue.drainTo(batch, CHUNK - batch.size());
			}
		}
		this.windowEvents += batch.size();
		return batch;
	}

	/**
	 * Sends one batch, ten events (one {@code PublishBatch}) at a time, and records the
	 * outcome. Before each ten it checks again that their partitions are still held (a long
	 * send must not outlast the lease) and drops the events of entities that failed in this
	 * batch; dropped events are read again later.
	 * @param batch the events, in id order
	 */
	void send(List<PendingEvent> batch) {
		Instant started = this.clock.instant();
		Map<UUID, String> failures = new HashMap<>();
		Set<String> failedKeys = new HashSet<>();
		List<PendingEvent> attempted = new ArrayList<>(batch.size());
		for (int from = 0, to; from < batch.size(); from = to) {
			to = chunkEnd(batch, from);
			List<PendingEvent> chunk = sendable(batch.subList(from, to), failedKeys);
			if (chunk.isEmpty()) {
				continue;
			}
			Map<UUID, String> chunkFailures;
			try {
				chunkFailures = this.transport.send(chunk);
			}
			catch (RuntimeException ex) {
				record(attempted, failures, started);
				unreachable(chunk, batch.subList(to, batch.size()), started, ex);
				return;
			}
			for (PendingEvent event : chunk) {
				if (chunkFailures.containsKey(event.eventId())) {
					failedKeys.add(event.orderingKey());
				}
			}
			failures.putAll(chunkFailures);
			attempted.addAll(chunk);
		}
		if (record(attempted, failures, started)) {
			this.outageDelay = Duration.ZERO;
		}
	}

	/**
	 * Where the call that starts at {@code from} ends: after ten events, or before an event of
	 * an entity that is already in the call. SNS may accept some entries of a
	 * {@code PublishBatch} and reject others, so two events of one entity in one call could
	 * arrive in the wrong order (the later accepted, the earlier retried).
	 */
	private static int chunkEnd(List<PendingEvent> batch, int from) {
		Set<String> keys = new HashSet<>();
		int to = from;
		while (to < batch.size() && to - from < CHUNK && keys.add(batch.get(to).orderingKey())) {
			to++;
		}
		return to;
	}

	/** The events that may go now; the others are handed back. */
	private List<PendingEvent> sendable(List<PendingEvent> events, Set<String> failedKeys) {
		PartitionLeases.Held held = this.leases.held();
		long nanoNow = System.nanoTime();
		List<PendingEvent> sendable = new ArrayList<>(events.size());
		for (PendingEvent event : events) {
			String key = event.orderingKey();
			if (held.holds(event.partition(), nanoNow) && !failedKeys.contains(key) && !this.state.waits(key)) {
				sendable.add(event);
			}
			else {
				this.state.handedBack(event);
			}
		}
		return sendable;
	}

	/**
	 * Marks the attempted events published or failed.
	 * @return whether the marks were written
	 */
	private boolean record(List<PendingEvent> attempted, Map<UUID, String> failures, Instant started) {
		if (attempted.isEmpty()) {
			return false;
		}
		List<PendingEvent> published = new ArrayList<>(attempted.size());
		List<PendingEvent> failed = new ArrayList<>();
		for (PendingEvent event : attempted) {
			(failures.containsKey(event.eventId()) ? failed : published).add(event);
		}
		Instant sent = this.clock.instant();
		try {
			for (PendingEvent event : failed) {
				Instant retryAt = this.backoff.retryAt(event.attempts(), sent);
				this.store.markFailed(event, failures.get(event.eventId()), retryAt);
				this.state.failed(event, retryAt);
			}
		}
		catch (RuntimeException ex) {
			// not recorded in the outbox: the entities still wait here, and the events are tried again
			this.storeOutage.failed(sent, ex, true);
			failed.forEach((event) -> this.state.failed(event, this.backoff.retryAt(event.attempts(), sent)));
		}
		// the reader marks them published with its next read, and it is woken for that
		published.forEach(this.state::sent);
		this.wake.run();
		this.brokerOutage.ended(started, " (" + published.size() + " event(s) in the first batch)");
		return true;
	}

	/**
	 * The broker could not be reached: the events of the failed call and the rest of the batch
	 * (what this round would have sent) wait for their retry, and sending pauses. So during an
	 * outage each round probes with one batch, and the events behind it wait untouched.
	 */
	private void unreachable(List<PendingEvent> events, List<PendingEvent> rest, Instant started,
			RuntimeException ex) {
		Instant now = this.clock.instant();
		this.outageDelay = this.backoff.next(this.outageDelay);
		this.state.pause(this.outageDelay.toNanos());
		this.brokerOutage.failed(started, ex, false);
		List<PendingEvent> failed = new ArrayList<>(events);
		failed.addAll(sendable(rest, Set.of()));
		try {
			for (PendingEvent event : failed) {
				Instant retryAt = this.backoff.retryAt(event.attempts(), now);
				this.store.markFailed(event, String.valueOf(ex.getMessage()), retryAt);
				this.state.failed(event, retryAt);
			}
		}
		catch (RuntimeException storeFailure) {
			this.storeOutage.failed(now, storeFailure, true);
			failed.forEach((event) -> this.state.failed(event, this.backoff.retryAt(event.attempts(), now)));
		}
	}

	private void waitWhilePaused(BooleanSupplier running) throws InterruptedException {
		long paused;
		while ((paused = this.state.paused()) > 0 && running.getAsBoolean()) {
			Thread.sleep(Math.max(1, Math.min(100, paused / 1_000_000)));
		}
	}

}
