package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.eventbus.transport.EventTransport;

/**
 * One sending thread of the relay. It takes the batches the reader hands it, one at a time in
 * the order handed (so the events of one entity, which always come to the same sender, leave
 * in order), sends them, and marks what was sent published and what failed with its retry
 * time. Before sending it drops the events whose partition is no longer held or whose entity
 * waits for a retry (an earlier event of it failed meanwhile): those are read again later.
 * When the broker cannot be reached at all, sending pauses for the relay's back-off.
 */
final class RelaySender {

	/** Batches waiting for this sender: the reader reads ahead by this much. */
	private static final int QUEUED_BATCHES = 2;

	private final BlockingQueue<List<PendingEvent>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);

	private final OutboxStore store;

	private final EventTransport transport;

	private final RelayState state;

	private final PartitionLeases leases;

	private final Backoff backoff;

	private final OutageLog brokerOutage;

	private final OutageLog storeOutage;

	private final Clock clock;

	private Duration outageDelay = Duration.ZERO;

	RelaySender(OutboxStore store, EventTransport transport, RelayState state, PartitionLeases leases,
			Backoff backoff, OutageLog brokerOutage, OutageLog storeOutage, Clock clock) {
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
	 * Hands a batch to this sender, waiting while its queue is full.
	 * @param batch the events, in id order
	 * @param running whether the relay still runs
	 * @return whether the sender took it (not when the relay stopped meanwhile)
	 * @throws InterruptedException if the thread is interrupted
	 */
	boolean hand(List<PendingEvent> batch, BooleanSupplier running) throws InterruptedException {
		while (running.getAsBoolean()) {
			if (this.queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Sends until {@code running} turns false; hands back what is still queued then.
	 * @param running whether to go on
	 */
	void loop(BooleanSupplier running) {
		try {
			while (running.getAsBoolean()) {
				List<PendingEvent> batch = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (batch != null) {
					waitWhilePaused(running);
					send(batch);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			List<List<PendingEvent>> left = new ArrayList<>();
			this.queue.drainTo(left);
			left.forEach((batch) -> batch.forEach(this.state::handedBack));
		}
	}

	/**
	 * Sends one batch and records the outcome.
	 * @param batch the events, in id order
	 */
	void send(List<PendingEvent> batch) {
		PartitionLeases.Held held = this.leases.held();
		long nanoNow = System.nanoTime();
		List<PendingEvent> events = new ArrayList<>(batch.size());
		for (PendingEvent event : batch) {
			if (held.holds(event.partition(), nanoNow) && !this.state.waits(event.orderingKey())) {
				events.add(event);
			}
			else {
				this.state.handedBack(event);
			}
		}
		if (events.isEmpty()) {
			return;
		}
		Instant started = this.clock.instant();
		Map<UUID, String> failures;
		try {
			failures = this.transport.send(events);
		}
		catch (RuntimeException ex) {
			unreachable(events, started, ex);
			return;
		}
		List<PendingEvent> published = new ArrayList<>(events.size());
		List<PendingEvent> failed = new ArrayList<>();
		for (PendingEvent event : events) {
			(failures.containsKey(event.eventId()) ? failed : published).add(event);
		}
		Instant sent = this.clock.instant();
		try {
			this.store.markPublished(published, sent);
			for (PendingEvent event : failed) {
				Instant retryAt = this.backoff.retryAt(event.attempts(), sent);
				this.store.markFailed(event, failures.get(event.eventId()), retryAt);
				this.state.failed(event, retryAt);
			}
		}
		catch (RuntimeException ex) {
			// sent but not marked: read and sent again once the database answers (at least once)
			this.storeOutage.failed(sent, ex, true);
			events.forEach(this.state::handedBack);
			return;
		}
		published.forEach(this.state::published);
		this.outageDelay = Duration.ZERO;
		this.brokerOutage.ended(started, " (" + published.size() + " event(s) in the first batch)");
	}

	/** Nothing was sent: every event waits for its retry, and sending pauses. */
	private void unreachable(List<PendingEvent> events, Instant started, RuntimeException ex) {
		Instant now = this.clock.instant();
		this.outageDelay = this.backoff.next(this.outageDelay);
		this.state.pause(this.outageDelay.toNanos());
		this.brokerOutage.failed(started, ex, false);
		try {
			for (PendingEvent event : events) {
				Instant retryAt = this.backoff.retryAt(event.attempts(), now);
				this.store.markFailed(event, String.valueOf(ex.getMessage()), retryAt);
				this.state.failed(event, retryAt);
			}
		}
		catch (RuntimeException storeFailure) {
			this.storeOutage.failed(now, storeFailure, true);
			events.forEach(this.state::handedBack);
		}
	}

	private void waitWhilePaused(BooleanSupplier running) throws InterruptedException {
		long paused;
		while ((paused = this.state.paused()) > 0 && running.getAsBoolean()) {
			Thread.sleep(Math.max(1, Math.min(100, paused / 1_000_000)));
		}
	}

}
