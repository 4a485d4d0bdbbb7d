package dev.eventbus.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
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
		this.fixture.truncateOutbox();
		Fixture.fill(this.fixture.jdbc, Channels.RELAY, this.profile.relayBacklog(), this.fixture.bodyTemplate);
		CpuMeter.Window window = this.cpu.start();
		this.fixture.signal.committed();
		this.fixture.awaitDrained(Duration.ofMinutes(5));
		CpuMeter.Usage usage = window.stop();
		double rate = this.profile.relayBacklog() / usage.seconds();
		Benchmarks.log("relay ours: %.0f events/s (%s)", rate, usage.describe());
		return new Measured(rate, usage);
	}

	private Measured rawBatches(ExecutorService threads, String topicArn) {
		List<PublishBatchRequestEntry> entries = new ArrayList<>(this.profile.relayBacklog());
		for (int i = 0; i < this.profile.relayBacklog(); i++) {
			Message message = message();
			entries.add(PublishBatchRequestEntry.builder()
				.id(Integer.toString(i % 10))
				.message(message.body)
				.messageAttributes(message.attributes)
				.build());
		}
		AtomicInteger next = new AtomicInteger();
		Measured measured = parallel(threads, () -> {
			int sent = 0;
			for (int from = next.getAndAdd(10); from < entries.size(); from = next.getAndAdd(10)) {
				List<PublishBatchRequestEntry> batch = entries.subList(from, Math.min(from + 10, entries.size()));
				int size = this.fixture.sns
					.publishBatch((request) -> request.topicArn(topicArn).publishBatchRequestEntries(batch))
					.successful()
					.size();
				sent += size;
			}
			return sent;
		});
		Benchmarks.log("relay raw PublishBatch: %.0f events/s (%s)", measured.rate, measured.cpu.describe());
		return measured;
	}

	private Measured rawSingles(ExecutorService threads, String topicArn) {
		List<Message> messages = new ArrayList<>(this.profile.singlePublishes());
		for (int i = 0; i < this.profile.singlePublishes(); i++) {
			messages.add(message());
		}
		AtomicInteger next = new AtomicInteger();
		Measured measured = parallel(threads, () -> {
			int sent = 0;
			for (int i = next.getAndIncrement(); i < messages.size(); i = next.getAndIncrement()) {
				Message message = messages.get(i);
				this.fixture.sns.publish((request) -> request.topicArn(topicArn)
					.message(message.body)
					.messageAttributes(message.attributes));
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

	private Message message() {
		String eventId = UUID.randomUUID().toString();
		String body = this.fixture.bodyTemplate.replace("@EVENT@", eventId)
			.replace("@ENTITY@", UUID.randomUUID().toString());
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		attributes.put("channel", text(Channels.RELAY));
		attributes.put("action", text("created"));
		attributes.put("eventId", text(eventId));
		attributes.put("publisher", text("bench"));
		return new Message(body, attributes);
	}

	private static MessageAttributeValue text(String value) {
		return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
	}

	private record Message(String body, Map<String, MessageAttributeValue> attributes) {
	}

	private record Measured(double rate, CpuMeter.Usage cpu) {
	}

}
