package dev.eventbus.benchmarks;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

/**
 * The listeners measured: a no-op listener (listener throughput) and one that records the
 * moment it is invoked for each {@link LatencyProbe} event.
 */
@Component
@ConditionalOnBooleanProperty(name = "bench.listeners", matchIfMissing = true)
public class BenchListeners {

	private final AtomicLong handled = new AtomicLong();

	private final CommitLatencies latencies = new CommitLatencies();

	@Listener(value = Channels.ORDER, id = "noop")
	void noop(EntityEvent<OrderView> event) {
		this.handled.incrementAndGet();
	}

	@Listener(value = Channels.LATENCY, id = "latency")
	void latency(EntityEvent<Map<String, Object>> event) {
		this.latencies.invoked(event.entityId(), System.nanoTime());
	}

	/**
	 * How many events the no-op listener has handled.
	 * @return the count
	 */
	public long handled() {
		return this.handled.get();
	}

	/**
	 * When the latency listener was invoked, by probe.
	 * @return the latencies
	 */
	public CommitLatencies latencies() {
		return this.latencies;
	}

	/**
	 * What the no-op listener binds: the order's attributes.
	 *
	 * @param id the id
	 * @param status the status
	 * @param total the total
	 * @param customer the customer
	 * @param note the note
	 * @param quantity the quantity
	 * @param placedAt when it was placed
	 */
	public record OrderView(String id, String status, java.math.BigDecimal total, String customer, String note,
			int quantity, java.time.Instant placedAt) {
	}

}
