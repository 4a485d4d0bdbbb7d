package dev.eventbus.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.eventbus.test.Queues;

/**
 * Listener throughput: a queue holding a backlog of real events (relayed through the channel's
 * topic) is drained by a no-op {@code @Listener}, in messages handled per second from the start
 * of its container; against a raw loop of {@code ReceiveMessage}(10) and
 * {@code DeleteMessageBatch} on a second queue subscribed to the same topic, with the same
 * number of messages in flight ({@code max-concurrent-messages} / 10 threads).
 */
final class ListenerFigure {

	private final Fixture fixture;

	private final Profile profile;

	private final CpuMeter cpu;

	private final int concurrency;

	ListenerFigure(Fixture fixture, Profile profile, CpuMeter cpu, int concurrency) {
		this.fixture = fixture;
		this.profile = profile;
		this.cpu = cpu;
		this.concurrency = concurrency;
	}

	Figure run() {
		Figure figure = new Figure("listener throughput", "messages/s",
				"raw ReceiveMessage(10) + DeleteMessageBatch loop", Figure.Goal.AT_LEAST, 0.8);
		int rawThreads = Math.max(1, this.concurrency / 10);
		figure.details.put("messages", this.profile.listenerMessages());
		figure.details.put("maxConcurrentMessages", this.concurrency);
		figure.details.put("rawThreads", rawThreads);
		String oursQueue = this.fixture.listenerContainers.queues()
			.stream()
			.filter((queue) -> queue.queueName().endsWith("-noop"))
			.map((queue) -> Queues.url(this.fixture.sqs, queue.queueName()))
			.findFirst()
			.orElseThrow();
		String rawQueue = this.fixture.queueUrl("raw-listen");
		this.fixture.subscribe(this.fixture.topicArn(Channels.ORDER), rawQueue);
		ExecutorService threads = Executors.newFixedThreadPool(rawThreads);
		try {
			for (int round = 0; round < this.profile.totalRounds(); round++) {
				boolean counted = round >= this.profile.warmupRounds();
				fill(oursQueue, rawQueue);
				boolean oursFirst = round % 2 == 0;
				for (int side = 0; side < 2; side++) {
					boolean ours = (side == 0) == oursFirst;
					CpuMeter.Usage usage = ours ? ours() : raw(threads, rawThreads, rawQueue);
					double rate = this.profile.listenerMessages() / usage.seconds();
					Benchmarks.log("listener round %d %s: %.0f messages/s (%s)", round, ours ? "ours" : "baseline", rate,
							usage.describe());
					if (counted) {
						if (ours) {
							figure.addOurs(rate, usage);
						}
						else {
							figure.addBaseline(rate, usage);
						}
					}
				}
			}
		}
		finally {
			threads.shutdownNow();
			this.fixture.listenerContainers.start();
		}
		return figure;
	}

	private void fill(String oursQueue, String rawQueue) {
		this.fixture.listenerContainers.stop();
		this.fixture.truncateOutbox();
		this.fixture.fillOutbox(Channels.ORDER, this.profile.listenerMessages());
		this.fixture.awaitDrained(Duration.ofMinutes(5));
		int expected = this.profile.listenerMessages();
		Fixture.await("both queues to hold " + expected + " messages", Duration.ofMinutes(2),
				() -> this.fixture.queueDepth(oursQueue) >= expected && this.fixture.queueDepth(rawQueue) >= expected);
	}

	private CpuMeter.Usage ours() {
		long before = this.fixture.listeners.handled();
		long target = before + this.profile.listenerMessages();
		CpuMeter.Window window = this.cpu.start();
		this.fixture.listenerContainers.start();
		Fixture.await("the no-op listener", Duration.ofMinutes(5), () -> this.fixture.listeners.handled() >= target);
		CpuMeter.Usage usage = window.stop();
		this.fixture.listenerContainers.stop();
		return usage;
	}

	private CpuMeter.Usage raw(ExecutorService threads, int rawThreads, String queueUrl) {
		AtomicInteger handled = new AtomicInteger();
		int expected = this.profile.listenerMessages();
		CpuMeter.Window window = this.cpu.start();
		List<Future<?>> loops = new ArrayList<>();
		for (int i = 0; i < rawThreads; i++) {
			loops.add(threads.submit(() -> RawReceiver.loop(this.fixture.sqs, queueUrl, () -> handled.get() < expected,
					(message, at) -> handled.incrementAndGet())));
		}
		for (Future<?> loop : loops) {
			try {
				loop.get(5, TimeUnit.MINUTES);
			}
			catch (Exception ex) {
				throw new IllegalStateException("The raw receive loop failed", ex);
			}
		}
		return window.stop();
	}

}
