package dev.eventbus.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.SmartLifecycle;

import dev.eventbus.consume.ConsumptionBreakers;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.consume.RegisteredListener;

/**
 * Per listener, whether its consumption is paused by an outage breaker
 * ({@code eventbus.listener.paused}, 0 or 1) and how often it was
 * ({@code eventbus.listener.pauses}), both read from the {@link ConsumptionBreakers}. The meters
 * are registered when the context starts, once the listeners are known.
 */
public final class ListenerPauseMeters implements SmartLifecycle {

	private final ListenerContainers listeners;

	private final ConsumptionBreakers breakers;

	private final MeterRegistry registry;

	private volatile boolean running;

	/**
	 * Creates the meters.
	 * @param listeners the application's listeners
	 * @param breakers the breakers that pause them
	 * @param registry where the meters are registered
	 */
	public ListenerPauseMeters(ListenerContainers listeners, ConsumptionBreakers breakers, MeterRegistry registry) {
		this.listeners = listeners;
		this.breakers = breakers;
		this.registry = registry;
	}

	@Override
	public void start() {
		for (RegisteredListener listener : this.listeners.listeners()) {
			String id = listener.id();
			Gauge.builder("eventbus.listener.paused", this.breakers, (breakers) -> breakers.isPaused(id) ? 1 : 0)
				.description("Whether the listener's consumption is paused by an outage breaker")
				.tag("listener", id)
				.register(this.registry);
			FunctionCounter.builder("eventbus.listener.pauses", this.breakers, (breakers) -> breakers.pauses(id))
				.description("How often the listener's consumption was paused by an outage breaker")
				.tag("listener", id)
				.register(this.registry);
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
