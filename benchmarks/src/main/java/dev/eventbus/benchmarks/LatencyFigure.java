package dev.eventbus.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * End-to-end latency at a steady moderate rate: from the commit of an entity (a
 * {@code afterCommit} synchronization notes the time) to the invocation of its
 * {@code @Listener} (outbox, relay, SNS, SQS, container); against a raw SDK {@code Publish} of a
 * message carrying the time of the call, received by a raw long-polling {@code ReceiveMessage}
 * loop on a queue subscribed to the topic.
 */
final class LatencyFigure {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Fixture fixture;

	private final Profile profile;

	private final CpuMeter cpu;

	LatencyFigure(Fixture fixture, Profile profile, CpuMeter cpu) {
		this.fixture = fixture;
		this.profile = profile;
		this.cpu = cpu;
	}

	List<Figure> run() {
		Figure p50 = new Figure("end-to-end latency p50", "ms", "raw SDK Publish -> raw ReceiveMessage",
				Figure.Goal.AT_MOST, 1.5);
		Figure p99 = new Figure("end-to-end latency p99", "ms", "raw SDK Publish -> raw ReceiveMessage",
				Figure.Goal.REPORT, 0);
		p99.note = "report";
		for (Figure figure : List.of(p50, p99)) {
			figure.details.put("eventsPerSecond", this.profile.latencyRate());
			figure.details.put("secondsPerSide", this.profile.latencyDuration().toMillis() / 1000.0);
		}
		String rawTopic = this.fixture.topicArn("RawLatency");
		String rawQueue = this.fixture.queueUrl("raw-latency");
		this.fixture.subscribe(rawTopic, rawQueue);
		List<Long> oursAll = new ArrayList<>();
		List<Long> rawAll = new ArrayList<>();
		ExecutorService receiver = Executors.newSingleThreadExecutor();
		try {
			for (int round = 0; round < this.profile.totalRounds(); round++) {
				boolean counted = round >= this.profile.warmupRounds();
				boolean oursFirst = round % 2 == 0;
				for (int side = 0; side < 2; side++) {
					boolean ours = (side == 0) == oursFirst;
					Sampled sampled = ours ? ours() : raw(receiver, rawTopic, rawQueue);
					double median = Stats.percentile(sampled.nanos, 50) / 1e6;
					double tail = Stats.percentile(sampled.nanos, 99) / 1e6;
					Benchmarks.log("latency round %d %s: p50 %.1f ms, p99 %.1f ms, %d samples (%s)", round,
							ours ? "ours" : "baseline", median, tail, sampled.nanos.size(), sampled.cpu.describe());
					if (counted) {
						(ours ? oursAll : rawAll).addAll(sampled.nanos);
						if (ours) {
							p50.addOurs(median, sampled.cpu);
							p99.addOurs(tail, sampled.cpu);
						}
						else {
							p50.addBaseline(median, sampled.cpu);
							p99.addBaseline(tail, sampled.cpu);
						}
					}
				}
			}
		}
		finally {
			receiver.shutdownNow();
		}
		p50.details.put("pooledOurs", Figure.round(Stats.percentile(oursAll, 50) / 1e6));
		p50.details.put("pooledBaseline", Figure.round(Stats.percentile(rawAll, 50) / 1e6));
		p99.details.put("pooledOurs", Figure.round(Stats.percentile(oursAll, 99) / 1e6));
		p99.details.put("pooledBaseline", Figure.round(Stats.percentile(rawAll, 99) / 1e6));
		return List.of(p50, p99);
	}

	private Sampled ours() {
		CommitLatencies recorder = this.fixture.listeners.latencies();
		recorder.drain();
		CpuMeter.Window window = this.cpu.start();
		int sent = paced(() -> this.fixture.tx.executeWithoutResult((status) -> {
			UUID id = UUID.randomUUID();
			this.fixture.entityManager.persist(new LatencyProbe(id));
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					recorder.committed(id, System.nanoTime());
				}
			});
		}));
		CpuMeter.Usage usage = window.stop();
		Fixture.await("the latency listener", Duration.ofSeconds(60), () -> recorder.completed() >= sent);
		return new Sampled(recorder.drain(), usage);
	}

	private Sampled raw(ExecutorService receiver, String topicArn, String queueUrl) {
		LatencyRecorder recorder = new LatencyRecorder();
		AtomicBoolean sending = new AtomicBoolean(true);
		Future<?> receiving = receiver.submit(() -> receive(queueUrl, recorder, sending));
		CpuMeter.Window window = this.cpu.start();
		int sent = paced(() -> this.fixture.sns
			.publish((request) -> request.topicArn(topicArn).message("{\"stamp\":" + System.nanoTime() + "}")));
		CpuMeter.Usage usage = window.stop();
		try {
			Fixture.await("the raw receiver", Duration.ofSeconds(60), () -> recorder.size() >= sent);
		}
		finally {
			sending.set(false);
		}
		try {
			receiving.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The raw receive loop failed", ex);
		}
		return new Sampled(recorder.drain(), usage);
	}

	private void receive(String queueUrl, LatencyRecorder recorder, AtomicBoolean running) {
		while (running.get()) {
			List<Message> messages = this.fixture.sqs
				.receiveMessage((request) -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
				.join()
				.messages();
			long now = System.nanoTime();
			if (messages.isEmpty()) {
				continue;
			}
			List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
			for (int i = 0; i < messages.size(); i++) {
				Message message = messages.get(i);
				JsonNode envelope = JSON.readTree(message.body());
				JsonNode body = JSON.readTree(envelope.get("Message").asString());
				recorder.record(now - body.get("stamp").asLong());
				entries.add(DeleteMessageBatchRequestEntry.builder()
					.id(Integer.toString(i))
					.receiptHandle(message.receiptHandle())
					.build());
			}
			this.fixture.sqs.deleteMessageBatch((request) -> request.queueUrl(queueUrl).entries(entries)).join();
		}
	}

	/** Runs the action at the profile's rate for the profile's duration; returns how often. */
	private int paced(Runnable action) {
		long interval = 1_000_000_000L / this.profile.latencyRate();
		int count = (int) (this.profile.latencyDuration().toMillis() * this.profile.latencyRate() / 1000);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			action.run();
		}
		return count;
	}

	private record Sampled(List<Long> nanos, CpuMeter.Usage cpu) {
	}

}
