package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Records what came of a sender's calls. Sent events are left to the reader, which marks them
 * published with its next read (one round trip for both), so a sender never waits for the
 * database after a successful send. A failed event gets its attempt recorded on its row with
 * the retry time of the back-off, and its entity waits until then. When the broker cannot be
 * reached at all, the senders pause for the back-off, growing with every further failed call.
 */
final class SendRecorder {

	private final OutboxStore store;

	private final RelayState state;

	private final Backoff backoff;

	private final OutageLog brokerOutage;

	private final OutageLog storeOutage;

	/** Wakes the reader, which marks what was sent. */
	private final Runnable wake;

	private final Clock clock;

	private Duration outageDelay = Duration.ZERO;

	/**
	 * Creates the recorder of one sender.
	 * @param store the outbox
	 * @param state what the reader and the senders share
	 * @param backoff the relay's back-off
	 * @param brokerOutage the log of broker outages
	 * @param storeOutage the log of database outages
	 * @param wake wakes the reader
	 * @param clock the clock
	 */
	SendRecorder(OutboxStore store, RelayState state, Backoff backoff, OutageLog brokerOutage, OutageLog storeOutage,
			Runnable wake, Clock clock) {
		this.store = store;
		this.state = state;
		this.backoff = backoff;
		this.brokerOutage = brokerOutage;
		this.storeOutage = storeOutage;
		this.wake = wake;
		this.clock = clock;
	}

	/**
	 * Marks the attempted events published or failed.
	 * @param attempted the events the transport was given
	 * @param failures the events it did not send, by event id, with the reason
	 * @param started when the batch started
	 * @return whether there was anything to record
	 */
	boolean record(List<PendingEvent> attempted, Map<UUID, String> failures, Instant started) {
		if (attempted.isEmpty()) {
			return false;
		}
		List<PendingEvent> published = new ArrayList<>(attempted.size());
		List<PendingEvent> failed = new ArrayList<>();
		for (PendingEvent event : attempted) {
			(failures.containsKey(event.eventId()) ? failed : published).add(event);
		}
		markFailed(failed, (event) -> failures.get(event.eventId()), this.clock.instant());
		// the reader marks them published with its next read, and it is woken for that
		published.forEach(this.state::sent);
		this.wake.run();
		this.brokerOutage.ended(started, " (" + published.size() + " event(s) in the first batch)");
		return true;
	}

	/** A batch reached the broker: the next outage starts with the first delay again. */
	void reachable() {
		this.outageDelay = Duration.ZERO;
	}

	/**
	 * The broker could not be reached: the events of the failed call and the rest of the batch
	 * (what this round would have sent) wait for their retry, and sending pauses. So during an
	 * outage each round probes with one batch, and the events behind it wait untouched.
	 * @param failed the events of the failed call and the sendable rest of the batch
	 * @param started when the batch started
	 * @param ex the failure
	 */
	void unreachable(List<PendingEvent> failed, Instant started, RuntimeException ex) {
		Instant now = this.clock.instant();
		this.outageDelay = this.backoff.next(this.outageDelay);
		this.state.pause(this.outageDelay.toNanos());
		this.brokerOutage.failed(started, ex, false);
		markFailed(failed, (event) -> String.valueOf(ex.getMessage()), now);
	}

	private void markFailed(List<PendingEvent> failed, Function<PendingEvent, String> error, Instant now) {
		try {
			for (PendingEvent event : failed) {
				Instant retryAt = this.backoff.retryAt(event.attempts(), now);
				this.store.markFailed(event, error.apply(event), retryAt);
				this.state.failed(event, retryAt);
			}
		}
		catch (RuntimeException ex) {
			// not recorded in the outbox: the entities still wait here, and the events are tried again
			this.storeOutage.failed(now, ex, true);
			failed.forEach((event) -> this.state.failed(event, this.backoff.retryAt(event.attempts(), now)));
		}
	}

}
