package dev.eventbus.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.eventbus.consume.QueueDepths;
import dev.eventbus.consume.RegisteredListener;

/**
 * The depth of each listener's dead-letter queue, read with {@link QueueDepths} and kept for a
 * few seconds, so that health probes every few seconds do not ask SQS each time. A queue whose
 * depth cannot be read shows the error instead.
 */
final class DeadLetterDepths {

	private final Supplier<List<RegisteredListener>> listeners;

	private final QueueDepths depths;

	private final Duration ttl;

	private final Clock clock;

	private @Nullable Map<String, Object> cached;

	private Instant readAt = Instant.MIN;

	DeadLetterDepths(Supplier<List<RegisteredListener>> listeners, QueueDepths depths, Duration ttl, Clock clock) {
		this.listeners = listeners;
		this.depths = depths;
		this.ttl = ttl;
		this.clock = clock;
	}

	/**
	 * The details per listener id: its dead-letter queue and the messages in it, or the error.
	 */
	synchronized Map<String, Object> read() {
		Instant now = this.clock.instant();
		Map<String, Object> cached = this.cached;
		if (cached != null && now.isBefore(this.readAt.plus(this.ttl))) {
			return cached;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		for (RegisteredListener listener : this.listeners.get()) {
			String queue = listener.queue().deadLetterQueueName();
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("queue", queue);
			try {
				detail.put("messages", this.depths.read(queue).visible());
			}
			catch (RuntimeException ex) {
				detail.put("error", ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
			details.put(listener.id(), detail);
		}
		this.cached = details;
		this.readAt = now;
		return details;
	}

}
