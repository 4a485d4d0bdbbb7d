package dev.eventbus.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The three ways the latency figures send an event at a steady rate and time its arrival: ours
 * (the commit of a {@link LatencyProbe}, timed from its {@code afterCommit}, to its
 * {@code @Listener}), a raw SDK {@code Publish} of the same event to the same topic and the
 * same listener (timed from the call), and a raw {@code Publish} of a message carrying the time
 * of the call to a raw receive loop on a queue subscribed to a topic of its own.
 */
final class LatencySides {

	/** A way to send. */
	enum Side {

		/** Commit to listener, through the outbox and the relay. */
		OURS("commit -> @Listener"),

		/** Raw publish to the same listener. */
		RAW_TO_LISTENER("raw Publish -> same @Listener"),

		/** Raw publish to a raw receive loop. */
		RAW_TO_RAW("raw Publish -> raw ReceiveMessage");

		final String label;

		Side(String label) {
			this.label = label;
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Fixture fixture;

	private final ExecutorService threads;

	private final int threadCount;

	private final ExecutorService receiver = Executors.newSingleThreadExecutor();

	private final String listenerTopic;

	private @Nullable String rawTopic;

	private @Nullable String rawQueue;

	private final AtomicInteger sent = new AtomicInteger();

	private final LatencyRecorder rawRecorder = new LatencyRecorder();

	private final AtomicBoolean receiving = new AtomicBoolean();

	private @Nullable Future<?> rawLoop;

	LatencySides(Fixture fixture, ExecutorService threads, int threadCount) {
		this.fixture = fixture;
		this.threads = threads;
		this.threadCount = threadCount;
		this.listenerTopic = fixture.topicArn(Channels.LATENCY);
	}

	/** Creates the raw topic and queue when first used (the overload figure needs none). */
	private String rawTopic() {
		if (this.rawTopic == null) {
			this.rawQueue = this.fixture.queueUrl("raw-latency");
			this.rawTopic = this.fixture.topicArn("RawLatency");
			this.fixture.subscribe(this.rawTopic, this.rawQueue);
		}
		return this.rawTopic;
	}

	/**
	 * Sends events at a steady rate (paced over the threads).
	 * @param side how
	 * @param rate events per second
	 * @param duration how long
	 * @return what was offered
	 */
	Pacer.Offered offer(Side side, int rate, Duration duration) {
		CommitLatencies latencies = this.fixture.listeners.latencies();
		latencies.drain();
		this.rawRecorder.drain();
		this.sent.set(0);
		Runnable send = switch (side) {
			case OURS -> () -> this.fixture.tx.executeWithoutResult((status) -> {
				UUID id = UUID.randomUUID();
				this.fixture.entityManager.persist(new LatencyProbe(id));
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						latencies.committed(id, System.nanoTime());
					}
				});
			});
			case RAW_TO_LISTENER -> () -> {
				String id = UUID.randomUUID().toString();
				RawMessages.Message message = RawMessages.of(this.fixture.latencyTemplate, Channels.LATENCY, id);
				latencies.committed(id, System.nanoTime());
				message.publish(this.fixture.sns, this.listenerTopic);
			};
			case RAW_TO_RAW -> {
				String topic = rawTopic();
				yield () -> this.fixture.sns
					.publish((request) -> request.topicArn(topic).message("{\"stamp\":" + System.nanoTime() + "}"));
			}
		};
		if (side == Side.RAW_TO_RAW) {
			String queue = Objects.requireNonNull(this.rawQueue);
			this.receiving.set(true);
			this.rawLoop = this.receiver.submit(() -> RawReceiver.loop(this.fixture.sqs, queue,
					this.receiving::get, (message, at) -> this.rawRecorder.record(at - stamp(message.body()))));
		}
		// counted before the send: the listener may have an event before its send returns
		return Pacer.run(this.threads, this.threadCount, rate, duration, () -> {
			this.sent.incrementAndGet();
			send.run();
		});
	}

	/**
	 * Events sent (or being sent) so far in the current offer.
	 * @return the count
	 */
	int sent() {
		return this.sent.get();
	}

	/**
	 * Events of the current offer that have arrived.
	 * @param side how they were sent
	 * @return the count
	 */
	int arrived(Side side) {
		return (side == Side.RAW_TO_RAW) ? this.rawRecorder.size() : this.fixture.listeners.latencies().completed();
	}

	/**
	 * Waits until every event sent has arrived and takes the latencies.
	 * @param side how they were sent
	 * @param timeout the longest wait
	 * @return the latencies in nanoseconds
	 */
	List<Long> collect(Side side, Duration timeout) {
		int expected = this.sent.get();
		try {
			Fixture.await(side.label + " to receive " + expected + " events", timeout,
					() -> arrived(side) >= expected);
		}
		finally {
			this.receiving.set(false);
		}
		this.sent.set(0);
		if (side != Side.RAW_TO_RAW) {
			return this.fixture.listeners.latencies().drain();
		}
		try {
			if (this.rawLoop != null) {
				this.rawLoop.get(30, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("The raw receive loop failed", ex);
		}
		return this.rawRecorder.drain();
	}

	void close() {
		this.receiving.set(false);
		this.receiver.shutdownNow();
	}

	private static long stamp(String body) {
		JsonNode envelope = JSON.readTree(body);
		return JSON.readTree(envelope.get("Message").asString()).get("stamp").asLong();
	}

}
