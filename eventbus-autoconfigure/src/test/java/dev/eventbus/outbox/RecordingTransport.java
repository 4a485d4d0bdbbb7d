package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.eventbus.transport.EventTransport;
import dev.eventbus.transport.OutgoingMessage;

/**
 * An {@link EventTransport} for the relay's unit tests. It records every attempt in order, can
 * fail chosen events (reported in the failure map; as the contract says, the later events of
 * the same ordering key in the same call fail with them) and can be unreachable (every call
 * throws) for a while.
 */
final class RecordingTransport implements EventTransport {

	private final Clock clock = Clock.systemUTC();

	private final List<Attempt> attempts = new ArrayList<>();

	private final Map<UUID, Integer> failuresLeft = new HashMap<>();

	private int unreachableCalls;

	private boolean unreachable;

	@Override
	public synchronized Map<UUID, String> send(List<OutgoingMessage> messages) {
		Instant now = this.clock.instant();
		if (this.unreachable) {
			this.unreachableCalls++;
			throw new IllegalStateException("broker unreachable");
		}
		Map<UUID, String> failures = new LinkedHashMap<>();
		Set<String> failedKeys = new HashSet<>();
		for (OutgoingMessage message : messages) {
			if (failedKeys.contains(message.orderingKey())) {
				failures.put(message.id(), "an earlier event of " + message.orderingKey() + " failed");
				this.attempts.add(new Attempt(message, now, false));
				continue;
			}
			int left = this.failuresLeft.getOrDefault(message.id(), 0);
			if (left > 0) {
				this.failuresLeft.put(message.id(), left - 1);
				failures.put(message.id(), "rejected");
				failedKeys.add(message.orderingKey());
				this.attempts.add(new Attempt(message, now, false));
				continue;
			}
			this.attempts.add(new Attempt(message, now, true));
		}
		return failures;
	}

	/**
	 * Makes the next attempts of an event fail.
	 * @param eventId the event
	 * @param times how many attempts fail
	 */
	synchronized void fail(UUID eventId, int times) {
		this.failuresLeft.put(eventId, times);
	}

	/**
	 * Makes every call throw, or not.
	 * @param unreachable whether the broker is unreachable
	 */
	synchronized void unreachable(boolean unreachable) {
		this.unreachable = unreachable;
	}

	/**
	 * How many calls threw.
	 * @return the count
	 */
	synchronized int unreachableCalls() {
		return this.unreachableCalls;
	}

	/**
	 * Every attempt to send an event, in order.
	 * @return the attempts
	 */
	synchronized List<Attempt> attempts() {
		return List.copyOf(this.attempts);
	}

	/**
	 * The events sent, in order.
	 * @return the events
	 */
	synchronized List<OutgoingMessage> sent() {
		return this.attempts.stream().filter(Attempt::sent).map(Attempt::message).toList();
	}

	/**
	 * The attempts of one event, in order.
	 * @param eventId the event
	 * @return the attempts
	 */
	synchronized List<Attempt> attemptsOf(UUID eventId) {
		return this.attempts.stream().filter((attempt) -> attempt.message().id().equals(eventId)).toList();
	}

	/**
	 * One attempt to send an event.
	 *
	 * @param message the event, as the transport got it
	 * @param at when
	 * @param sent whether it was sent
	 */
	record Attempt(OutgoingMessage message, Instant at, boolean sent) {
	}

}
