package dev.eventbus.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.eventbus.consume.QueueDepths;
import dev.eventbus.consume.RegisteredListener;

/**
 * The depth of each listener's dead-letter queue, read with {@link QueueDepths} and kept for a
 * few seconds, so that health probes every few seconds do not ask SQS each time. The queues are
 * read at once, for at most 3 s in all; a queue whose depth cannot be read (or not in time) shows
 * the error instead.
 */
final class DeadLetterDepths {

	/** The longest a health probe waits for the depths. */
	private static final Duration WAIT = Duration.ofSeconds(3);

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
		// all queues at once, and no longer than WAIT in all (a hung SQS would otherwise hold the
		// probe for the client's call timeout once per listener)
		Map<String, CompletableFuture<QueueDepths.Depth>> reads = new LinkedHashMap<>();
		Map<String, String> queues = new LinkedHashMap<>();
		for (RegisteredListener listener : this.listeners.get()) {
			String queue = listener.queue().deadLetterQueueName();
			queues.put(listener.id(), queue);
			reads.put(listener.id(), this.depths.depth(queue));
		}
		long deadline = System.nanoTime() + WAIT.toNanos();
		Map<String, Object> details = new LinkedHashMap<>();
		reads.forEach((listener, read) -> {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("queue", queues.get(listener));
			try {
				detail.put("messages", read.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).visible());
			}
			catch (TimeoutException ex) {
				read.cancel(true);
				detail.put("error", "SQS did not answer within " + WAIT);
			}
			catch (ExecutionException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				detail.put("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				detail.put("error", "interrupted");
			}
			details.put(listener, detail);
		});
		this.cached = details;
		this.readAt = now;
		return details;
	}

}
