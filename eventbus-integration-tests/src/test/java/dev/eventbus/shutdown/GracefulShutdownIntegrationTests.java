package dev.eventbus.shutdown;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.test.AwsTestClients;
import dev.eventbus.test.FauxqsEmulator;
import dev.eventbus.test.Queues;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On context close, polling stops, in-flight handlers finish within the shutdown timeout and
 * are acknowledged; a handler cut off by the timeout is not acknowledged and its message is
 * delivered again; handled messages whose batched deletion Spring Cloud AWS had not sent yet are
 * deleted too.
 */
class GracefulShutdownIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	@Test
	void inFlightHandlerFinishesAndIsAcknowledgedWhenTheContextCloses() {
		UUID id = UUID.randomUUID();
		ConfigurableApplicationContext context = start("10s");
		save(context, id, 2000);
		await().atMost(TIMEOUT).until(() -> ShutdownApplication.STARTED.contains(id.toString()));
		context.close();
		assertThat(ShutdownApplication.FINISHED).contains(id.toString());
		try (SqsAsyncClient sqs = AwsTestClients.sqsAsync(FauxqsEmulator.shared())) {
			String queue = Queues.url(sqs, "it-shutdown-slow");
			// deleted by the container or by eventbus; a deletion the container had under way when it
			// gave up may land just after close returns, and a message nobody deleted would stay
			await().atMost(Duration.ofSeconds(10)).until(() -> Queues.depth(sqs, queue) == 0);
		}
	}

	@Test
	void handledMessagesWhoseBatchedAcknowledgementIsStillWaitingAreDeletedWhenTheContextCloses() {
		ConfigurableApplicationContext context = handledWithHeldAcknowledgements(3);
		SqsAsyncClient sqs = context.getBean(SqsAsyncClient.class);
		String queue = Queues.url(sqs, "it-shutdown-slow");
		assertThat(Queues.depth(sqs, queue)).as("handled, their deletion held back in a batch of 10").isEqualTo(3);
		context.close();
		try (SqsAsyncClient after = AwsTestClients.sqsAsync(FauxqsEmulator.shared())) {
			assertThat(Queues.depth(after, queue)).as("deleted by the time close returns").isZero();
		}
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void deletionsTheContainerSentAreNotSentAgainWhenTheContextCloses(CapturedOutput output) {
		ConfigurableApplicationContext context = handledWithHeldAcknowledgements(10);
		SqsAsyncClient sqs = context.getBean(SqsAsyncClient.class);
		String queue = Queues.url(sqs, "it-shutdown-slow");
		// ten handled messages make a full batch, which the container sends at once
		await().atMost(TIMEOUT).until(() -> Queues.depth(sqs, queue) == 0);
		int before = output.getAll().length();
		context.close();
		assertThat(output.getAll().substring(before)).as("eventbus found nothing left to delete")
			.doesNotContain("whose acknowledgement the stopped container had not sent");
	}

	@Test
	void handlerCutOffByTheShutdownTimeoutIsNotAcknowledgedAndRunsAgainAfterRestart() {
		UUID id = UUID.randomUUID();
		ConfigurableApplicationContext context = start("1s");
		save(context, id, 6000);
		await().atMost(TIMEOUT).until(() -> ShutdownApplication.STARTED.contains(id.toString()));
		context.close();
		assertThat(ShutdownApplication.FINISHED).doesNotContain(id.toString());
		ShutdownApplication.STARTED.remove(id.toString());
		try (ConfigurableApplicationContext restarted = start("10s")) {
			await().atMost(TIMEOUT).until(() -> ShutdownApplication.FINISHED.contains(id.toString()));
			SqsAsyncClient sqs = restarted.getBean(SqsAsyncClient.class);
			String queue = Queues.url(sqs, "it-shutdown-slow");
			await().atMost(TIMEOUT).until(() -> Queues.depth(sqs, queue) == 0);
		}
	}

	/**
	 * Starts the application with deletions sent only in batches of 10 (or after a minute) and
	 * waits until it has handled the given number of new jobs.
	 */
	private static ConfigurableApplicationContext handledWithHeldAcknowledgements(int jobs) {
		List<UUID> ids = IntStream.range(0, jobs).mapToObj((i) -> UUID.randomUUID()).toList();
		ConfigurableApplicationContext context = start("10s", Map.of("it.shutdown.hold-acknowledgements", "true"));
		ids.forEach((id) -> save(context, id, 0));
		await().atMost(TIMEOUT)
			.until(() -> ids.stream().allMatch((id) -> ShutdownApplication.FINISHED.contains(id.toString())));
		return context;
	}

	private static ConfigurableApplicationContext start(String shutdownTimeout) {
		return start(shutdownTimeout, Map.of());
	}

	private static ConfigurableApplicationContext start(String shutdownTimeout, Map<String, String> more) {
		Map<String, Object> properties = new LinkedHashMap<>(FauxqsEmulator.shared().springProperties());
		properties.putAll(more);
		properties.put("spring.application.name", "it-shutdown");
		properties.put("eventbus.publish.topic-prefix", "it-shutdown-");
		properties.put("eventbus.provision.visibility-timeout", "3s");
		properties.put("eventbus.consume.shutdown-timeout", shutdownTimeout);
		properties.put("eventbus.outbox.poll-interval", "200ms");
		return new SpringApplicationBuilder(ShutdownApplication.class).properties(properties).run();
	}

	private static void save(ConfigurableApplicationContext context, UUID id, long millis) {
		EntityManager entityManager = context.getBean(EntityManager.class);
		context.getBean(TransactionTemplate.class)
			.executeWithoutResult((status) -> entityManager.persist(new ShutdownApplication.Job(id, millis)));
	}

}
