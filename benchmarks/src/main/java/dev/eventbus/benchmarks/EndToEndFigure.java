package dev.eventbus.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;

/**
 * End to end at full speed: threads save a number of {@code @PublishEvents} entities as fast
 * as they can, in events per second from the first save until the {@code @Listener} has every
 * event; against a raw SDK loop on the same topic shape (an SNS topic with one SQS queue
 * subscribed): as many threads as relay workers publishing the same bodies with
 * {@code PublishBatch} of ten, while one thread receives ({@code ReceiveMessage} of ten,
 * {@code DeleteMessageBatch}), until it has every message.
 */
final class EndToEndFigure {

	private final Fixture fixture;

	private final Profile profile;

	private final CpuMeter cpu;

	private final int publishers;

	private final List<Double> saveSeconds = new ArrayList<>();

	private final List<Double> backlogs = new ArrayList<>();

	EndToEndFigure(Fixture fixture, Profile profile, CpuMeter cpu, int publishers) {
		this.fixture = fixture;
		this.profile = profile;
		this.cpu = cpu;
		this.publishers = publishers;
	}

	Figure run() {
		int saves = this.profile.endToEndSaves();
		Figure figure = new Figure(String.format(Locale.ROOT, "end to end, %,d saves at full speed", saves), "events/s",
				"raw PublishBatch(10) -> ReceiveMessage(10) loop", Figure.Goal.AT_LEAST, 1.0);
		figure.details.put("saves", saves);
		figure.details.put("threads", this.profile.commitThreads());
		figure.details.put("rawPublishThreads", this.publishers);
		String rawTopic = this.fixture.topicArn("RawEndToEnd");
		String rawQueue = this.fixture.queueUrl("raw-end-to-end");
		this.fixture.subscribe(rawTopic, rawQueue);
		ExecutorService threads = Executors.newFixedThreadPool(this.profile.commitThreads());
		ExecutorService raw = Executors.newFixedThreadPool(this.publishers + 1);
		CommitLoad load = new CommitLoad(this.fixture, threads, this.profile.commitThreads());
		try {
			Rounds.alternate(this.profile.warmupRounds(), this.profile.totalLongRounds(),
					List.of((round, counted) -> ours(figure, load, round, counted),
							(round, counted) -> raw(figure, raw, rawTopic, rawQueue, round, counted)));
		}
		finally {
			threads.shutdownNow();
			raw.shutdownNow();
			CommitFigure.reset(this.fixture);
		}
		figure.details.put("oursSaveSecondsRounds", this.saveSeconds.stream().map(Figure::round).toList());
		figure.details.put("oursBacklogAfterSavesRounds", this.backlogs);
		return figure;
	}

	private void ours(Figure figure, CommitLoad load, int round, boolean counted) {
		CommitFigure.reset(this.fixture);
		int saves = this.profile.endToEndSaves();
		long target = this.fixture.listeners.handled() + saves;
		CpuMeter.Window window = this.cpu.start();
		CommitLoad.Result saved = load.count(saves, (n) -> new PublishedOrder(UUID.randomUUID(), n));
		long backlog = this.fixture.backlog();
		Fixture.await("the listener to have " + saves + " events", Duration.ofMinutes(5),
				() -> this.fixture.listeners.handled() >= target);
		CpuMeter.Usage usage = window.stop();
		double rate = saves / usage.seconds();
		Benchmarks.log("end to end round %d ours: %.0f events/s (saves took %.1f s, %d outbox rows behind then; %s)",
				round, rate, saved.seconds(), backlog, usage.describe());
		if (counted) {
			figure.addOurs(rate, usage);
			this.saveSeconds.add(saved.seconds());
			this.backlogs.add((double) backlog);
		}
	}

	private void raw(Figure figure, ExecutorService raw, String topicArn, String queueUrl, int round,
			boolean counted) {
		int count = this.profile.endToEndSaves();
		List<PublishBatchRequestEntry> entries = RawMessages.batchEntries(this.fixture.bodyTemplate, Channels.ORDER,
				count);
		AtomicInteger next = new AtomicInteger();
		AtomicInteger received = new AtomicInteger();
		CpuMeter.Window window = this.cpu.start();
		Future<?> receiver = raw.submit(() -> RawReceiver.loop(this.fixture.sqs, queueUrl,
				() -> received.get() < count, (message, at) -> received.incrementAndGet()));
		List<Future<?>> loops = new ArrayList<>();
		for (int i = 0; i < this.publishers; i++) {
			loops.add(raw.submit(() -> RawMessages.publishBatches(this.fixture.sns, topicArn, entries, next)));
		}
		loops.add(receiver);
		for (Future<?> loop : loops) {
			try {
				loop.get(5, TimeUnit.MINUTES);
			}
			catch (Exception ex) {
				throw new IllegalStateException("The raw end-to-end loop failed", ex);
			}
		}
		CpuMeter.Usage usage = window.stop();
		double rate = count / usage.seconds();
		Benchmarks.log("end to end round %d baseline: %.0f events/s (%s)", round, rate, usage.describe());
		if (counted) {
			figure.addBaseline(rate, usage);
		}
	}

}
