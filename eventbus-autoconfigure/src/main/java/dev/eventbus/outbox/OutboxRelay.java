package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

	private volatile boolean running;

	private @Nullable Thread thread;

	private @Nullable Instant outageSince;

	private Duration outageDelay = Duration.ZERO;

	private Instant nextPurge = Instant.MIN;

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
		Thread relay = new Thread(this::loop, "eventbus-relay");
		relay.setDaemon(true);
		this.thread = relay;
		relay.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.signal.committed();
		Thread relay = this.thread;
		if (relay != null) {
			try {
				relay.join(this.settings.shutdownTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (relay.isAlive()) {
				relay.interrupt();
			}
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void loop() {
		while (this.running) {
			try {
				boolean more = relayOnce();
				if (!more && this.running) {
					Duration wait = (this.outageSince != null) ? this.outageDelay : this.settings.pollInterval();
					if (this.outageSince != null) {
						Thread.sleep(wait.toMillis());
						this.signal.clear();
					}
					else {
						this.signal.await(wait);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("eventbus relay round failed; retrying in " + this.settings.pollInterval(), ex);
				sleepQuietly(this.settings.pollInterval());
			}
		}
	}

	/**
	 * Runs one round: claims, sends and marks one batch.
	 * @return whether a full batch was sent and more may be waiting
	 */
	public boolean relayOnce() {
		Instant now = this.clock.instant();
		purgeIfDue(now);
		try (OutboxStore.Claim claim = this.store.claim(this.settings.batchSize(), now)) {
			List<PendingEvent> events = claim.events();
			if (events.isEmpty()) {
				claim.commit();
				return false;
			}
			Map<UUID, String> failures;
			try {
				failures = this.transport.send(events);
			}
			catch (RuntimeException ex) {
				recordOutage(claim, events, ex);
				return false;
			}
			List<PendingEvent> published = new ArrayList<>(events.size());
			for (PendingEvent event : events) {
				String failure = failures.get(event.eventId());
				if (failure == null) {
					published.add(event);
				}
				else {
					claim.markFailed(event, failure, retryAt(event, this.clock.instant()));
				}
			}
			claim.markPublished(published, this.clock.instant());
			claim.commit();
			recovered(published.size());
			return events.size() == this.settings.batchSize() && !published.isEmpty();
		}
	}

	private void recordOutage(OutboxStore.Claim claim, List<PendingEvent> events, RuntimeException ex) {
		Instant now = this.clock.instant();
		for (PendingEvent event : events) {
			claim.markFailed(event, String.valueOf(ex.getMessage()), retryAt(event, now));
		}
		claim.commit();
		if (this.outageSince == null) {
			this.outageSince = now;
			this.outageDelay = this.settings.retryDelay();
			logger.warn("eventbus cannot publish (" + ex.getMessage() + "); events stay in the outbox and are "
					+ "retried with back-off up to " + this.settings.maxRetryDelay());
		}
		else {
			this.outageDelay = min(this.outageDelay.multipliedBy(2), this.settings.maxRetryDelay());
			if (logger.isDebugEnabled()) {
				logger.debug("eventbus publish still failing: " + ex.getMessage());
			}
		}
	}

	private void recovered(int published) {
		if (this.outageSince != null) {
			logger.info("eventbus publishing again after " + Duration.between(this.outageSince, this.clock.instant())
					+ " (" + published + " event(s) in the first batch)");
			this.outageSince = null;
			this.outageDelay = Duration.ZERO;
		}
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

	/**
	 * Settings of the relay.
	 *
	 * @param pollInterval how often to look without a signal
	 * @param batchSize rows per claim
	 * @param retryDelay first retry delay
	 * @param maxRetryDelay longest retry delay
	 * @param retention how long published rows are kept
	 * @param shutdownTimeout how long to wait for the current round on stop
	 */
	public record RelaySettings(Duration pollInterval, int batchSize, Duration retryDelay, Duration maxRetryDelay,
			Duration retention, Duration shutdownTimeout) {
	}

}
