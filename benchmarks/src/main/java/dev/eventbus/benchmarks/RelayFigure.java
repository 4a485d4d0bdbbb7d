package dev.eventbus.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;

/**
 * Relay throughput: a backlog of outbox rows relayed to a topic without subscribers, in events
 * per second from the moment the rows are committed to the moment the last one is marked
 * published; against raw SDK loops over the same bodies and attributes with the same number of
 * threads as relay workers: {@code PublishBatch} of ten, and one {@code Publish} per message.
 */
final class RelayFigure {

	private final Fixture fixture;

	private final Profile profile;

	private final CpuMeter cpu;

	private final int workers;

	RelayFigure(Fixture fixture, Profile profile, CpuMeter cpu, int workers) {
		this.fixture = fixture;
		this.profile = profile;
		this.cpu = cpu;
		this.workers = workers;
	}

	List<Figure> run() {
		Figure batch = new Figure("relay throughput", "events/s", "raw SDK PublishBatch(10) loop", Figure.Goal.AT_LEAST,
				0.8);
		Figure single = new Figure("relay vs one-at-a-time", "events/s", "raw SDK Publish loop (one per call)",
				Figure.Goal.AT_LEAST, 3.0);
		for (Figure figure : List.of(batch, single)) {
			figure.details.put("backlog", this.profile.relayBacklog());
			figure.details.put("concurrency", this.workers);
		}
		single.details.put("baselineMessages", this.profile.singlePublishes());
		String rawTopic = this.fixture.topicArn("RawRelay");
		this.fixture.topicArn(Channels.RELAY);
		ExecutorService threads = Executors.newFixedThreadPool(this.workers);
		try {
			for (int round = 0; round < this.profile.totalRounds(); round++) {
				boolean counted = round >= this.profile.warmupRounds();
				List<Runnable> sides = new ArrayList<>(List.of(() -> {
					Measured ours = ours();
					if (counted) {
						batch.addOurs(ours.rate, ours.cpu);
						single.addOurs(ours.rate, ours.cpu);
					}
				}, () -> {
					Measured raw = rawBatches(threads, rawTopic);
					if (counted) {
						batch.addBaseline(raw.rate, raw.cpu);
					}
				}, () -> {
					Measured raw = rawSingles(threads, rawTopic);
					if (counted) {
						single.addBaseline(raw.rate, raw.cpu);
					}
				}));
				if (round % 2 == 1) {
					java.util.Collections.reverse(sides);
				}
				sides.forEach(Runnable::run);
			}
		}
		finally {
			threads.shutdownNow();
			this.fixture.truncateOutbox();
		}
		return List.of(batch, single);
	}

	private Measured ours() {
		CpuMeter.Usage usage = relay(this.fixture, this.profile.relayBacklog(), this.cpu);
		double rate = this.profile.relayBacklog() / usage.seconds();
		Benchmarks.log("relay ours: %.0f events/s (%s)", rate, usage.describe());
		return new Measured(rate, usage);
	}

	/**
	 * One round of ours: writes a backlog to the empty outbox in one statement (each row with the
	 * fixture's trace context, when it has one) and times the relay from its wake-up to the last
	 * row marked published.
	 * @param fixture the application
	 * @param rows the backlog
	 * @param cpu the CPU meter
	 * @return the CPU and the time it took
	 */
	static CpuMeter.Usage relay(Fixture fixture, int rows, CpuMeter cpu) {
		fixture.truncateOutbox();
		Fixture.fill(fixture.jdbc, Channels.RELAY, rows, fixture.bodyTemplate, fixture.traceContext);
		CpuMeter.Window window = cpu.start();
		fixture.signal.committed();
		fixture.awaitDrained(Duration.ofMinutes(5));
		return window.stop();
	}

	private Measured rawBatches(ExecutorService threads, String topicArn) {
		List<PublishBatchRequestEntry> entries = RawMessages.batchEntries(this.fixture.bodyTemplate, Channels.RELAY,
				this.profile.relayBacklog());
		AtomicInteger next = new AtomicInteger();
		Measured measured = parallel(threads,
				() -> RawMessages.publishBatches(this.fixture.sns, topicArn, entries, next));
		Benchmarks.log("relay raw PublishBatch: %.0f events/s (%s)", measured.rate, measured.cpu.describe());
		return measured;
	}

	private Measured rawSingles(ExecutorService threads, String topicArn) {
		List<RawMessages.Message> messages = new ArrayList<>(this.profile.singlePublishes());
		for (int i = 0; i < this.profile.singlePublishes(); i++) {
			messages.add(RawMessages.of(this.fixture.bodyTemplate, Channels.RELAY, UUID.randomUUID().toString()));
		}
		AtomicInteger next = new AtomicInteger();
		Measured measured = parallel(threads, () -> {
			int sent = 0;
			for (int i = next.getAndIncrement(); i < messages.size(); i = next.getAndIncrement()) {
				messages.get(i).publish(this.fixture.sns, topicArn);
				sent++;
			}
			return sent;
		});
		Benchmarks.log("relay raw Publish: %.0f events/s (%s)", measured.rate, measured.cpu.describe());
		return measured;
	}

	private Measured parallel(ExecutorService threads, java.util.concurrent.Callable<Integer> loop) {
		CpuMeter.Window window = this.cpu.start();
		List<Future<Integer>> running = new ArrayList<>();
		for (int i = 0; i < this.workers; i++) {
			running.add(threads.submit(loop));
		}
		int sent = 0;
		for (Future<Integer> future : running) {
			try {
				sent += future.get(5, TimeUnit.MINUTES);
			}
			catch (Exception ex) {
				throw new IllegalStateException("A raw publish loop failed", ex);
			}
		}
		CpuMeter.Usage usage = window.stop();
		return new Measured(sent / usage.seconds(), usage);
	}

	private record Measured(double rate, CpuMeter.Usage cpu) {
	}

}
