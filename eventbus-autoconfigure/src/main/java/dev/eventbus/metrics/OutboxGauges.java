package dev.eventbus.metrics;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

import dev.eventbus.outbox.OutboxBacklog;

/**
 * The outbox gauges per channel ({@code eventbus.outbox.pending}, {@code .failing},
 * {@code .oldest.age}): one {@link OutboxBacklog#read()} every interval on a daemon thread of
 * its own ({@code eventbus-outbox-gauges}, running with the context); the gauges show the last
 * snapshot, so a scrape never queries the database. A channel that has nothing pending any
 * more shows 0. A failed read keeps the last values and logs one WARN, then DEBUG until a read
 * works again (one INFO). Before the first read the gauges show NaN.
 */
public final class OutboxGauges implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxGauges.class);

	private final OutboxBacklog backlog;

	private final MeterRegistry registry;

	private final Duration interval;

	private final Supplier<Set<String>> publishedChannels;

	private final Set<String> channels = ConcurrentHashMap.newKeySet();

	private volatile OutboxBacklog.@Nullable Snapshot latest;

	/** Only the gauges' thread reads and writes it. */
	private boolean failing;

	private @Nullable ScheduledExecutorService executor;

	/**
	 * Creates the gauges.
	 * @param backlog reads the backlog
	 * @param registry where the gauges are registered
	 * @param interval how often the backlog is read
	 * @param publishedChannels the channels this application publishes: they get gauges from
	 * the start, other channels once they have a backlog
	 */
	public OutboxGauges(OutboxBacklog backlog, MeterRegistry registry, Duration interval,
			Supplier<Set<String>> publishedChannels) {
		this.backlog = backlog;
		this.registry = registry;
		this.interval = interval;
		this.publishedChannels = publishedChannels;
	}

	/**
	 * The backlog of the last successful read.
	 * @return the snapshot, or {@code null} before the first read succeeded
	 */
	public OutboxBacklog.@Nullable Snapshot latest() {
		return this.latest;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.publishedChannels.get().forEach(this::register);
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "eventbus-outbox-gauges");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::refresh, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = executor;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService executor = this.executor;
		if (executor != null) {
			executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	private void refresh() {
		OutboxBacklog.Snapshot snapshot;
		try {
			snapshot = this.backlog.read();
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				this.failing = true;
				logger.warn("eventbus cannot read the outbox backlog for its gauges (" + ex.getMessage()
						+ "); they show the last values read until it can");
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("eventbus cannot read the outbox backlog, still: " + ex.getMessage());
			}
			return;
		}
		snapshot.channels().keySet().forEach(this::register);
		this.latest = snapshot;
		if (this.failing) {
			this.failing = false;
			logger.info("eventbus can read the outbox backlog for its gauges again");
		}
	}

	private void register(String channel) {
		if (!this.channels.add(channel)) {
			return;
		}
		gauge("eventbus.outbox.pending", "Unpublished outbox rows", channel, (c) -> c.pending());
		gauge("eventbus.outbox.failing", "Unpublished outbox rows whose publish failed at least once", channel,
				(c) -> c.failing());
		TimeGauge.builder("eventbus.outbox.oldest.age", this, TimeUnit.SECONDS, (gauges) -> gauges.age(channel))
			.description("Age of the oldest unpublished outbox row")
			.tag("channel", channel)
			.register(this.registry);
	}

	private void gauge(String name, String description, String channel,
			ToDoubleFunction<OutboxBacklog.Channel> value) {
		Gauge.builder(name, this, (gauges) -> {
			OutboxBacklog.Snapshot snapshot = gauges.latest;
			return (snapshot != null) ? value.applyAsDouble(snapshot.channel(channel)) : Double.NaN;
		}).description(description).tag("channel", channel).register(this.registry);
	}

	private double age(String channel) {
		OutboxBacklog.Snapshot snapshot = this.latest;
		if (snapshot == null) {
			return Double.NaN;
		}
		return snapshot.channel(channel).age(snapshot.takenAt()).toNanos() / 1e9;
	}

}
