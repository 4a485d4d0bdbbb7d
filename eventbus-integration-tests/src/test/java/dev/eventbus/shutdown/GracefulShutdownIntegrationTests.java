package dev.eventbus.shutdown;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.test.FauxqsEmulator;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On context close, polling stops, in-flight handlers finish within the shutdown timeout and
 * are acknowledged; a handler cut off by the timeout is not acknowledged and its message is
 * delivered again.
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
		SqsAsyncClient sqs = FauxqsSqs.client();
		String queue = sqs.getQueueUrl((r) -> r.queueName("it-shutdown-slow")).join().queueUrl();
		// the delete may reach the queue just after close returns; a message left unacknowledged
		// would stay (nobody consumes any more), so this still fails if it was not acknowledged
		await().atMost(Duration.ofSeconds(10)).until(() -> FauxqsSqs.depth(sqs, queue) == 0);
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
			SqsAsyncClient sqs = FauxqsSqs.client();
			String queue = sqs.getQueueUrl((r) -> r.queueName("it-shutdown-slow")).join().queueUrl();
			await().atMost(TIMEOUT).until(() -> FauxqsSqs.depth(sqs, queue) == 0);
		}
	}

	private static ConfigurableApplicationContext start(String shutdownTimeout) {
		Map<String, Object> properties = new LinkedHashMap<>(FauxqsEmulator.shared().springProperties());
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

	/** SQS access for assertions made after the context is closed. */
	static final class FauxqsSqs {

		static SqsAsyncClient client() {
			return SqsAsyncClient.builder()
				.endpointOverride(java.net.URI.create(FauxqsEmulator.shared().endpoint()))
				.region(software.amazon.awssdk.regions.Region.US_EAST_1)
				.credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
					.create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
				.build();
		}

		static int depth(SqsAsyncClient sqs, String queueUrl) {
			Map<String, String> attributes = sqs
				.getQueueAttributes((r) -> r.queueUrl(queueUrl)
					.attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
				.join()
				.attributesAsStrings();
			return Integer.parseInt(attributes.getOrDefault("ApproximateNumberOfMessages", "0"))
					+ Integer.parseInt(attributes.getOrDefault("ApproximateNumberOfMessagesNotVisible", "0"));
		}

	}

}
