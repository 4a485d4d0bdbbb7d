package dev.eventbus.outbox;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The ordering keys that wait, each until a time: an event of theirs failed and waits for its
 * retry, or was handed back, so the later events of the entity must not overtake it.
 */
final class WaitingKeys {

	private final Map<String, Instant> waiting = new ConcurrentHashMap<>();

	/**
	 * Makes an ordering key wait; a key that already waits longer keeps its wait.
	 * @param key the ordering key
	 * @param until until when
	 */
	void await(String key, Instant until) {
		this.waiting.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
	}

	/**
	 * Whether an ordering key waits.
	 * @param key the ordering key
	 * @return whether it does
	 */
	boolean waits(String key) {
		return this.waiting.containsKey(key);
	}

	/**
	 * Lets the keys whose wait is over go, except those still being sent.
	 * @param now the current time
	 * @param sendingKeys the keys with events being sent (asked only when a wait is over)
	 * @return whether any key may go again
	 */
	boolean release(Instant now, Supplier<Set<String>> sendingKeys) {
		boolean released = false;
		Set<String> sending = null;
		for (Iterator<Map.Entry<String, Instant>> entries = this.waiting.entrySet().iterator(); entries.hasNext();) {
			Map.Entry<String, Instant> entry = entries.next();
			if (entry.getValue().isAfter(now)) {
				continue;
			}
			if (sending == null) {
				sending = sendingKeys.get();
			}
			if (!sending.contains(entry.getKey())) {
				entries.remove();
				released = true;
			}
		}
		return released;
	}

	/**
	 * The end of the earliest wait still to come.
	 * @param now the current time
	 * @return the time, or {@code null} when no key waits beyond {@code now}
	 */
	@Nullable Instant nextRelease(Instant now) {
		Instant next = null;
		for (Instant until : this.waiting.values()) {
			if (until.isAfter(now) && (next == null || until.isBefore(next))) {
				next = until;
			}
		}
		return next;
	}

	/**
	 * Ends every wait now: the keys go at the next {@link #release}, except those still being
	 * sent (their events are read again in order first).
	 */
	void expireAll() {
		this.waiting.replaceAll((key, until) -> Instant.EPOCH);
	}

	/** Forgets every wait. */
	void clear() {
		this.waiting.clear();
	}

}
