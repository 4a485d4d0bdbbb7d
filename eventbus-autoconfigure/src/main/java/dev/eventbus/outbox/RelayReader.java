package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;


/**
 * The relay's reading loop. It reads the unpublished events of the held partitions in id order
 * from where {@link ReadPosition} says (on from the highest id read so far, or further back in
 * a rescan), and hands each event to the sender of its ordering key; the events of one entity
 * therefore go to one sender, in order. Each read first marks what the senders sent since the
 * last one (on PostgreSQL in the same round trip); the senders wake it when they have sent
 * something. Events being sent are not handed out twice.
 */
final class RelayReader {

	private final OutboxStore store;

	private final RelayState state;

	private final PartitionLeases leases;

	private final OutboxSignal signal;

	private final List<RelaySender> senders;

	private final int batchSize;

	private final Duration pollInterval;

	private final Backoff backoff;

	private final OutageLog storeOutage;

	private final Clock clock;

	private final ReadPosition position;

	private Duration storeDelay = Duration.ZERO;

	RelayReader(OutboxStore store, RelayState state, PartitionLeases leases, OutboxSignal signal,
			List<RelaySender> senders, int batchSize, Duration pollInterval, Backoff backoff, OutageLog storeOutage,
			Clock clock) {
		this.store = store;
		this.state = state;
		this.leases = leases;
		this.signal = signal;
		this.senders = senders;
		this.batchSize = batchSize;
		this.pollInterval = pollInterval;
		this.backoff = backoff;
		this.storeOutage = storeOutage;
		this.clock = clock;
		this.position = new ReadPosition(pollInterval);
	}

	/**
	 * Reads until {@code running} turns false.
	 * @param running whether to go on
	 */
	void loop(BooleanSupplier running) {
		while (running.getAsBoolean()) {
			try {
				long seen = this.signal.generation();
				boolean more = readOnce(running);
				this.storeDelay = Duration.ZERO;
				if (!more && running.getAsBoolean()) {
					this.signal.await(seen, waitTime());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// the outbox cannot be read: back off like a broker outage
				this.storeDelay = this.backoff.next(this.storeDelay);
				this.storeOutage.failed(this.clock.instant(), ex, true);
				sleep(this.storeDelay, running);
			}
		}
	}

	/**
	 * Reads one batch and hands it to the senders.
	 * @param running whether to go on
	 * @return whether more may be waiting (read again at once)
	 * @throws InterruptedException if the thread is interrupted
	 */
	boolean readOnce(BooleanSupplier running) throws InterruptedException {
		PartitionLeases.Held held = this.leases.held();
		long nanoNow = System.nanoTime();
		List<PendingEvent> sent = this.state.takeSent();
		if (held.partitions().isEmpty() || !held.valid(nanoNow)) {
			mark(sent);
			return false;
		}
		Instant now = this.clock.instant();
		// rows made due by an operator: their entities' waits end, the rescan below reads them
		this.state.takeRetryRequested();
		boolean released = this.state.release(now);
		long from = this.position.next(held.generation(), nanoNow, () -> released || this.state.takeHandedBack(),
				this.state::takeLowestLeft);
		this.state.reading();
		List<PendingEvent> events;
		try {
			events = this.store.markAndRead(sent, now, held.partitions(), from, this.batchSize);
		}
		catch (RuntimeException ex) {
			// sent but not marked: read and sent again once the database answers (at least once)
			sent.forEach(this.state::handedBack);
			throw ex;
		}
		sent.forEach(this.state::published);
		this.storeOutage.ended(now, "");
		dispatch(events, now, running);
		boolean full = events.size() == this.batchSize;
		this.position.read(events.isEmpty() ? from : events.get(events.size() - 1).id(), full);
		return full;
	}

	/**
	 * Marks sent events published without reading (no partition is held).
	 * @param sent the events
	 */
	void mark(List<PendingEvent> sent) {
		if (sent.isEmpty()) {
			return;
		}
		try {
			this.store.markPublished(sent, this.clock.instant());
		}
		catch (RuntimeException ex) {
			sent.forEach(this.state::handedBack);
			throw ex;
		}
		sent.forEach(this.state::published);
	}

	private void dispatch(List<PendingEvent> events, Instant now, BooleanSupplier running)
			throws InterruptedException {
		List<List<PendingEvent>> batches = new ArrayList<>(this.senders.size());
		for (int i = 0; i < this.senders.size(); i++) {
			batches.add(new ArrayList<>());
		}
		Set<String> skipped = new HashSet<>();
		for (PendingEvent event : events) {
			if (this.state.isSending(event.id()) || this.state.publishedSinceRead(event.id())) {
				// handed out before; later events of its entity follow it on the same sender
				// (or published while this read ran: the row was read before it was marked)
				continue;
			}
			String key = event.orderingKey();
			if (skipped.contains(key) || this.state.waits(key)) {
				skipped.add(key);
				this.state.left(event.id());
				continue;
			}
			if (event.nextAttemptAt().isAfter(now)) {
				// failed before (possibly in another instance): the entity waits for the retry
				this.state.await(key, event.nextAttemptAt());
				skipped.add(key);
				this.state.left(event.id());
				continue;
			}
			this.state.sending(event);
			batches.get(senderOf(key)).add(event);
		}
		int handed = 0;
		try {
			for (; handed < batches.size(); handed++) {
				List<PendingEvent> batch = batches.get(handed);
				if (!batch.isEmpty()) {
					this.senders.get(handed).hand(batch, running);
				}
			}
		}
		finally {
			// interrupted (stop): what was not handed is read again
			for (int i = handed + 1; i < batches.size(); i++) {
				batches.get(i).forEach(this.state::handedBack);
			}
		}
	}

	private int senderOf(String key) {
		return Math.floorMod(key.hashCode(), this.senders.size());
	}

	private Duration waitTime() {
		long nanos = this.position.nextRescan() - System.nanoTime();
		Instant now = this.clock.instant();
		Instant release = this.state.nextRelease(now);
		if (release != null) {
			nanos = Math.min(nanos, Duration.between(now, release).toNanos());
		}
		return Duration.ofNanos(Math.max(1_000_000, Math.min(nanos, this.pollInterval.toNanos())));
	}

	private static void sleep(Duration duration, BooleanSupplier running) {
		long end = System.nanoTime() + duration.toNanos();
		try {
			while (running.getAsBoolean() && end - System.nanoTime() > 0) {
				Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
