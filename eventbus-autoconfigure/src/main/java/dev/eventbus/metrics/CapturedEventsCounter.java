package dev.eventbus.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.eventbus.capture.CommittedEventsListener;
import dev.eventbus.outbox.OutboxEvent;

/**
 * Counts the events of committed transactions ({@code eventbus.captured}, tagged with
 * {@code channel} and {@code action}). It is told after the commit, so a rolled-back
 * transaction counts nothing.
 */
public final class CapturedEventsCounter implements CommittedEventsListener {

	/** The counter's name. */
	public static final String NAME = "eventbus.captured";

	private final MeterRegistry registry;

	/** By channel and action: a commit looks its counters up without building meter ids. */
	private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();

	/**
	 * Creates the counter.
	 * @param registry where the counters are registered
	 */
	public CapturedEventsCounter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void committed(List<OutboxEvent> events) {
		for (OutboxEvent event : events) {
			this.counters.computeIfAbsent(event.channel(), (channel) -> new ConcurrentHashMap<>())
				.computeIfAbsent(event.action(), (action) -> counter(event.channel(), action))
				.increment();
		}
	}

	private Counter counter(String channel, String action) {
		return Counter.builder(NAME)
			.description("Events written to the outbox by committed transactions")
			.tag("channel", channel)
			.tag("action", action)
			.register(this.registry);
	}

}
