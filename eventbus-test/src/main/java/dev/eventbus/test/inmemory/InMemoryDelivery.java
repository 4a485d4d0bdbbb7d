package dev.eventbus.test.inmemory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;

import dev.eventbus.consume.DirectListener;
import dev.eventbus.provision.NamingStrategy;
import dev.eventbus.transport.OutgoingMessage;

/**
 * In-memory delivery ({@code eventbus.test.delivery=in-memory}): takes the events the relay sends
 * and delivers each to every listener of its topic whose actions it matches, as SNS and SQS would,
 * and keeps the events each listener dead-lettered. Inject it in a test to look at the dead letters
 * or to wait until nothing is in flight.
 */
public final class InMemoryDelivery implements DisposableBean {

	private final NamingStrategy naming;

	private final Supplier<List<DirectListener>> listeners;

	private final Duration retryDelay;

	private final ScheduledThreadPoolExecutor executor;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final List<InMemoryDeadLetter> deadLetters = new ArrayList<>();

	private final Clock clock;

	private volatile Map<String, Queue> queues;

	/**
	 * Creates the delivery.
	 * @param naming the naming strategy: a listener receives the events of its channel's topic
	 * @param listeners the listeners, asked for when the first event is sent
	 * @param retryDelay how long a failed delivery waits before the event is delivered again
	 * @param threads the threads that run listener methods
	 */
	public InMemoryDelivery(NamingStrategy naming, Supplier<List<DirectListener>> listeners, Duration retryDelay,
			int threads) {
		this.naming = naming;
		this.listeners = listeners;
		this.retryDelay = retryDelay;
		this.clock = Clock.systemUTC();
		AtomicInteger count = new AtomicInteger();
		ThreadFactory factory = (task) -> {
			Thread thread = new Thread(task, "eventbus-in-memory-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.executor = new ScheduledThreadPoolExecutor(threads, factory);
	}

	/**
	 * Delivers events to the listeners of their topic, each in the order of its ordering key.
	 * @param messages the events, oldest first
	 */
	void send(List<OutgoingMessage> messages) {
		Map<String, Queue> all = queues();
		List<Map.Entry<Queue, OutgoingMessage>> deliveries = new ArrayList<>();
		for (OutgoingMessage message : messages) {
			OutgoingMessage.Destination destination = message.destination();
			String topic = (destination.topic() != null) ? destination.topic()
					: this.naming.topicName(destination.channel());
			for (Queue queue : all.values()) {
				if (queue.topic.equals(topic) && queue.listener.receives(message.attributes().get("action"))) {
					deliveries.add(Map.entry(queue, message));
				}
			}
		}
		// counted before the first is handed out, so inFlight() cannot read 0 while some of them
		// are still to be offered
		this.inFlight.addAndGet(deliveries.size());
		deliveries.forEach((delivery) -> delivery.getKey().queue.offer(delivery.getValue()));
	}

	/**
	 * The events every listener dead-lettered, oldest first.
	 * @return the dead letters
	 */
	public List<InMemoryDeadLetter> deadLetters() {
		synchronized (this.deadLetters) {
			return List.copyOf(this.deadLetters);
		}
	}

	/**
	 * The events one listener dead-lettered, oldest first.
	 * @param listenerId the listener id ({@code @Listener(id)}, else {@code <bean name>-<method name>})
	 * @return the dead letters
	 */
	public List<InMemoryDeadLetter> deadLetters(String listenerId) {
		return deadLetters().stream().filter((letter) -> letter.listenerId().equals(listenerId)).toList();
	}

	/**
	 * Forgets the dead letters (for a test that shares its application context with others).
	 */
	public void clearDeadLetters() {
		synchronized (this.deadLetters) {
			this.deadLetters.clear();
		}
	}

	/**
	 * The deliveries not finished: events handed to a listener that it has neither handled nor
	 * dead-lettered yet (retries included). Events still in the outbox are not counted.
	 * @return the number of events in flight, 0 when every listener is done
	 */
	public int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * Stops the listener threads; events not yet delivered are dropped.
	 */
	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	private Map<String, Queue> queues() {
		Map<String, Queue> current = this.queues;
		if (current == null) {
			synchronized (this) {
				current = this.queues;
				if (current == null) {
					current = new LinkedHashMap<>();
					for (DirectListener listener : this.listeners.get()) {
						current.put(listener.info().id(), new Queue(listener,
								this.naming.topicName(listener.info().channel()),
								new InMemoryQueue(listener, this.executor, this.retryDelay, this::deadLettered,
										this.inFlight::decrementAndGet, this.clock)));
					}
					this.queues = current;
				}
			}
		}
		return current;
	}

	private void deadLettered(InMemoryDeadLetter letter) {
		synchronized (this.deadLetters) {
			this.deadLetters.add(Objects.requireNonNull(letter));
		}
	}

	private record Queue(DirectListener listener, String topic, InMemoryQueue queue) {
	}

}
