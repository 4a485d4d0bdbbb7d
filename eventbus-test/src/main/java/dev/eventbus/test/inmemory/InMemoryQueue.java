package dev.eventbus.test.inmemory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.eventbus.consume.DirectListener;
import dev.eventbus.transport.OutgoingMessage;

/**
 * The queue of one listener in memory: events of one ordering key ({@code channel:entityId}) are
 * delivered one at a time, in the order they were sent, the next only once the one before was
 * handled or dead-lettered (a failing event holds up the later events of its entity, as on a FIFO
 * queue); events of different keys run in parallel on the shared threads.
 */
final class InMemoryQueue {

	private static final Log logger = LogFactory.getLog(InMemoryQueue.class);

	private final DirectListener listener;

	private final ScheduledExecutorService executor;

	private final Duration retryDelay;

	private final Consumer<InMemoryDeadLetter> deadLetters;

	private final Runnable done;

	private final Clock clock;

	/** The waiting events of each ordering key, the one being delivered first; guarded by itself. */
	private final Map<String, ArrayDeque<Pending>> keys = new HashMap<>();

	InMemoryQueue(DirectListener listener, ScheduledExecutorService executor, Duration retryDelay,
			Consumer<InMemoryDeadLetter> deadLetters, Runnable done, Clock clock) {
		this.listener = listener;
		this.executor = executor;
		this.retryDelay = retryDelay;
		this.deadLetters = deadLetters;
		this.done = done;
		this.clock = clock;
	}

	/** Queues an event; it is delivered once the events of its key sent before it are done. */
	void offer(OutgoingMessage message) {
		boolean first;
		synchronized (this.keys) {
			ArrayDeque<Pending> pending = this.keys.computeIfAbsent(message.orderingKey(), (key) -> new ArrayDeque<>());
			pending.add(new Pending(message));
			first = pending.size() == 1;
		}
		if (first) {
			this.executor.execute(() -> deliver(message.orderingKey()));
		}
	}

	private void deliver(String key) {
		Pending head;
		synchronized (this.keys) {
			head = this.keys.get(key).peek();
		}
		int delivery = ++head.deliveries;
		DirectListener.Result result;
		try {
			result = this.listener.deliver(head.message.body(), head.message.attributes(), delivery);
		}
		catch (RuntimeException | Error ex) {
			// not the listener's failure (that is in the result): delivered again, never lost
			logger.warn("eventbus: in-memory delivery to @Listener " + describe() + " failed: " + ex, ex);
			result = new DirectListener.Result(DirectListener.Status.RETRY, null, ex);
		}
		switch (result.status()) {
			case RETRY -> {
				logger.warn("eventbus: @Listener " + describe() + " failed on delivery " + delivery + " of "
						+ this.listener.maxDeliveries() + ", will retry: " + result.failure());
				this.executor.schedule(() -> deliver(key), this.retryDelay.toNanos(), TimeUnit.NANOSECONDS);
				return;
			}
			case DEAD_LETTERED -> {
				String reason = String.valueOf(result.reason());
				logger.warn("eventbus: in-memory delivery dead-lettered event " + head.message.id() + " of @Listener "
						+ describe() + ": " + reason);
				this.deadLetters.accept(new InMemoryDeadLetter(this.listener.info().id(), head.message.body(),
						head.message.attributes(), reason, delivery, result.failure(), this.clock.instant()));
			}
			default -> {
				// handled, or skipped by the inbox
			}
		}
		boolean more;
		synchronized (this.keys) {
			ArrayDeque<Pending> pending = this.keys.get(key);
			pending.poll();
			more = !pending.isEmpty();
			if (!more) {
				this.keys.remove(key);
			}
		}
		this.done.run();
		if (more) {
			this.executor.execute(() -> deliver(key));
		}
	}

	private String describe() {
		return this.listener.info().id();
	}

	/** An event waiting for, or in, delivery. */
	private static final class Pending {

		private final OutgoingMessage message;

		/** Deliveries so far; only the thread delivering the event touches it. */
		private int deliveries;

		Pending(OutgoingMessage message) {
			this.message = message;
		}

	}

}
