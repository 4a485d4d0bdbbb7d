package dev.eventbus.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * What the relay's reader and senders share: the events being sent, the events sent and not
 * yet marked published, the ordering keys that wait ({@link WaitingKeys}: an event of theirs
 * failed and waits for its retry, so later events of the entity must not overtake it), the
 * lowest id left unpublished behind the read position (skipped, failed or handed back), from
 * which the reader reads again, and the senders' pause while the broker cannot be reached.
 */
final class RelayState {

	private final Map<Long, PendingEvent> sending = new ConcurrentHashMap<>();

	private final WaitingKeys waiting = new WaitingKeys();

	/** Events published since the reader started its last read. */
	private final Set<Long> publishedSinceRead = ConcurrentHashMap.newKeySet();

	/** Events sent and not yet marked published: the reader marks them with its next read. */
	private final Queue<PendingEvent> sent = new ConcurrentLinkedQueue<>();

	private final AtomicLong lowestLeft = new AtomicLong(Long.MAX_VALUE);

	private final AtomicBoolean handedBack = new AtomicBoolean();

	/** An operator made failing events due now: the waits for their retries end at the next read. */
	private final AtomicBoolean retryRequested = new AtomicBoolean();

	private volatile long pausedUntil = System.nanoTime();

	/**
	 * Whether an event is being sent.
	 * @param id the row id
	 * @return whether it is
	 */
	boolean isSending(long id) {
		return this.sending.containsKey(id);
	}

	/**
	 * Whether an event of a partition is being sent.
	 * @param partition the partition
	 * @return whether one is
	 */
	boolean isSending(int partition) {
		for (PendingEvent event : this.sending.values()) {
			if (event.partition() == partition) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Notes that an event is handed to a sender.
	 * @param event the event
	 */
	void sending(PendingEvent event) {
		this.sending.put(event.id(), event);
	}

	/**
	 * Notes that an event was sent: it stays "being sent" until the reader has marked it
	 * published.
	 * @param event the event
	 */
	void sent(PendingEvent event) {
		this.sent.add(event);
	}

	/**
	 * The events sent since the last call, to mark published.
	 * @return the events, possibly none
	 */
	List<PendingEvent> takeSent() {
		List<PendingEvent> taken = new ArrayList<>();
		PendingEvent event;
		while ((event = this.sent.poll()) != null) {
			taken.add(event);
		}
		return taken;
	}

	/**
	 * Notes that an event was published (after it was marked in the outbox).
	 * @param event the event
	 */
	void published(PendingEvent event) {
		this.publishedSinceRead.add(event.id());
		this.sending.remove(event.id());
	}

	/**
	 * Notes that the reader starts a read of the outbox: the events published before are not
	 * among the rows it returns, those published from now on may be.
	 */
	void reading() {
		this.publishedSinceRead.clear();
	}

	/**
	 * Whether an event was published since the reader started its last read (the read may
	 * have returned its row as still unpublished).
	 * @param id the row id
	 * @return whether it was
	 */
	boolean publishedSinceRead(long id) {
		return this.publishedSinceRead.contains(id);
	}

	/**
	 * Notes that an attempt of an event failed: its ordering key waits until the retry.
	 * @param event the event
	 * @param retryAt the earliest next attempt
	 */
	void failed(PendingEvent event, Instant retryAt) {
		await(event.orderingKey(), retryAt);
		left(event.id());
		this.sending.remove(event.id());
	}

	/**
	 * Notes that an event was not sent after all (its partition is no longer held, its key
	 * waits, or the mark could not be written): it is read again, and its entity waits until
	 * then.
	 * @param event the event
	 */
	void handedBack(PendingEvent event) {
		// later events of its entity may be queued behind it: they must not go first, so the
		// entity waits until none of its events is being sent, and is then read again in order
		await(event.orderingKey(), Instant.EPOCH);
		left(event.id());
		this.sending.remove(event.id());
		this.handedBack.set(true);
	}

	/** Forgets everything (a relay that starts again). */
	void clear() {
		this.sending.clear();
		this.waiting.clear();
		this.publishedSinceRead.clear();
		this.sent.clear();
		this.lowestLeft.set(Long.MAX_VALUE);
		this.handedBack.set(false);
		this.retryRequested.set(false);
	}

	/**
	 * Notes that an unpublished event stays behind the read position.
	 * @param id the row id
	 */
	void left(long id) {
		this.lowestLeft.accumulateAndGet(id, Math::min);
	}

	/**
	 * The lowest id left behind since the last call, and forgets it.
	 * @return the id, {@link Long#MAX_VALUE} for none
	 */
	long takeLowestLeft() {
		return this.lowestLeft.getAndSet(Long.MAX_VALUE);
	}

	/**
	 * Whether an event was handed back since the last call.
	 * @return whether one was
	 */
	boolean takeHandedBack() {
		return this.handedBack.getAndSet(false);
	}

	/**
	 * Asks the reader to end every wait at its next read ({@link #takeRetryRequested()}):
	 * failing events were made due in the outbox.
	 */
	void requestRetry() {
		this.retryRequested.set(true);
	}

	/**
	 * Ends every wait if a retry was requested since the last call. Called by the reader before
	 * it reads, so a read that began before the rows were made due cannot restore the old
	 * waits after this.
	 * @return whether a retry was requested
	 */
	boolean takeRetryRequested() {
		if (!this.retryRequested.getAndSet(false)) {
			return false;
		}
		this.waiting.expireAll();
		return true;
	}

	/**
	 * Makes an ordering key wait.
	 * @param key the ordering key
	 * @param until until when
	 */
	void await(String key, Instant until) {
		this.waiting.await(key, until);
	}

	/**
	 * Whether an ordering key waits.
	 * @param key the ordering key
	 * @return whether it does
	 */
	boolean waits(String key) {
		return this.waiting.waits(key);
	}

	/**
	 * Lets the keys whose wait is over go. A key with events still handed to a sender waits
	 * on: those were handed out before the failure, behind the failed event, and are handed
	 * back when their sender comes to them (it may be paused by an outage for longer than the
	 * retry delay); let go earlier, they would be sent before the failed event is read again.
	 * Only the reader adds events being sent, and it is the thread that calls this.
	 * @param now the current time
	 * @return whether any key may go again
	 */
	boolean release(Instant now) {
		return this.waiting.release(now, () -> {
			Set<String> keys = new HashSet<>();
			for (PendingEvent event : this.sending.values()) {
				keys.add(event.orderingKey());
			}
			return keys;
		});
	}

	/**
	 * The end of the earliest wait still to come.
	 * @param now the current time
	 * @return the time, or {@code null} when no key waits beyond {@code now}
	 */
	@Nullable Instant nextRelease(Instant now) {
		return this.waiting.nextRelease(now);
	}

	/**
	 * Pauses sending (the broker cannot be reached).
	 * @param nanos how long
	 */
	void pause(long nanos) {
		this.pausedUntil = System.nanoTime() + nanos;
	}

	/**
	 * How long sending stays paused.
	 * @return nanoseconds, 0 or less when not paused
	 */
	long paused() {
		return this.pausedUntil - System.nanoTime();
	}

}
