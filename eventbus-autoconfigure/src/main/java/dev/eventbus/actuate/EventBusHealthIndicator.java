package dev.eventbus.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.eventbus.consume.QueueDepths;
import dev.eventbus.consume.RegisteredListener;
import dev.eventbus.outbox.OutboxBacklog;
import dev.eventbus.outbox.OutboxRelay;

/**
 * The {@code eventbus} health: DOWN only while the relay has been unable to publish (the broker
 * unreachable, no successful send since) for longer than a threshold; UP otherwise, also with
 * a backlog or dead letters, which need attention but are no outage (an orchestrator that
 * restarts on DOWN would restart healthy instances for them). Details: the relay's state, the
 * outbox backlog (pending, failing, oldest age) and the depth of each listener's dead-letter
 * queue; a detail that cannot be read shows its error and changes nothing.
 */
public final class EventBusHealthIndicator extends AbstractHealthIndicator {

	private final @Nullable OutboxRelay relay;

	private final Duration threshold;

	private final @Nullable RecentBacklog backlog;

	private final @Nullable DeadLetterDepths deadLetters;

	private final Clock clock;

	/**
	 * Creates the indicator.
	 * @param relay this instance's relay, {@code null} when it runs none
	 * ({@code eventbus.outbox.relay-enabled=false}, or no publisher)
	 * @param threshold how long the relay may be unable to publish before DOWN
	 * @param backlog the outbox backlog, {@code null} without an outbox
	 * @param depths reads queue depths, {@code null} without listeners
	 * @param listeners the application's listeners
	 * @param deadLetterTtl how long dead-letter queue depths are kept
	 * @param clock the clock
	 */
	public EventBusHealthIndicator(@Nullable OutboxRelay relay, Duration threshold, @Nullable RecentBacklog backlog,
			@Nullable QueueDepths depths, Supplier<List<RegisteredListener>> listeners, Duration deadLetterTtl,
			Clock clock) {
		super("eventbus health check failed");
		this.relay = relay;
		this.threshold = threshold;
		this.backlog = backlog;
		this.deadLetters = (depths != null) ? new DeadLetterDepths(listeners, depths, deadLetterTtl, clock) : null;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up();
		OutboxRelay relay = this.relay;
		if (relay == null) {
			builder.withDetail("relay", "off (eventbus.outbox.relay-enabled=false, or no publisher in this application)");
		}
		else {
			Instant since = relay.publishingFailedSince();
			if (since == null) {
				builder.withDetail("relay", "publishing");
			}
			else {
				Duration failing = Duration.between(since, this.clock.instant());
				builder.withDetail("relay", "cannot publish since " + since + " (" + failing + ")");
				if (failing.compareTo(this.threshold) > 0) {
					builder.down();
				}
			}
		}
		if (this.backlog != null) {
			builder.withDetail("outbox", outbox(this.backlog));
		}
		if (this.deadLetters != null) {
			builder.withDetail("deadLetterQueues", this.deadLetters.read());
		}
	}

	private static Map<String, Object> outbox(RecentBacklog backlog) {
		Map<String, Object> details = new LinkedHashMap<>();
		try {
			OutboxBacklog.Snapshot snapshot = backlog.get();
			details.put("pending", snapshot.pending());
			details.put("failing", snapshot.failing());
			details.put("oldestAge", snapshot.oldestAge().toString());
			details.put("readAt", snapshot.takenAt().toString());
		}
		catch (RuntimeException ex) {
			details.put("error", ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		return details;
	}

}
