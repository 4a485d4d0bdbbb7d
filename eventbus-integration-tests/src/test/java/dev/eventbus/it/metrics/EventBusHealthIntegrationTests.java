package dev.eventbus.it.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.consume.RegisteredListener;
import dev.eventbus.failure.Delivery;
import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.outage.OutageApp;
import dev.eventbus.failure.outage.Parcel;
import dev.eventbus.failure.outage.ParcelListener;
import dev.eventbus.test.AwsTestClients;
import dev.eventbus.test.FauxqsEmulator;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, item 3: {@code /actuator/health/eventbus} over HTTP in a started application on a
 * random port. UP with its details; a message in the listener's dead-letter queue shows as its
 * depth and leaves it UP; with the emulator stopped the relay cannot publish, and once that has
 * lasted past the threshold it is DOWN (503), the dead-letter depth showing the read error; after
 * the emulator's restart it is UP again and everything is delivered. Runs its own emulator (with
 * a data directory, so the resources survive the restart).
 */
class EventBusHealthIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String LISTENER = "parcelListener-parcels";

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void upWithDetailsUpWithDeadLettersDownWhileTheRelayCannotPublishPastTheThresholdAndUpAgainAfter()
			throws Exception {
		FauxqsEmulator emulator = FauxqsEmulator.start(this.dataDir);
		Map<String, String> properties = TestApps.properties(emulator, TestSchema.fresh("fx_health"), "fx-health");
		properties.put("spring.main.web-application-type", "servlet");
		properties.put("server.port", "0");
		properties.put("management.endpoints.web.exposure.include", "health");
		properties.put("management.endpoint.health.show-details", "always");
		properties.put("eventbus.health.publish-failure-threshold", "3s");
		properties.put("eventbus.health.dead-letter-cache-ttl", "500ms");
		properties.put("eventbus.metrics.outbox-interval", "500ms");
		properties.put("eventbus.outbox.retry-delay", "200ms");
		properties.put("eventbus.outbox.max-retry-delay", "1s");
		try (ConfigurableApplicationContext context = TestApps.run(OutageApp.class, properties)) {
			String url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
					+ "/actuator/health/eventbus";
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			EntityManager entityManager = context.getBean(EntityManager.class);
			ParcelListener listener = context.getBean(ParcelListener.class);
			RegisteredListener registered = context.getBean(ListenerContainers.class).listener(LISTENER).orElseThrow();

			tx.executeWithoutResult((status) -> entityManager.persist(new Parcel(1L, "before")));
			await().atMost(Duration.ofSeconds(30)).until(() -> listener.deliveries().count() == 1);
			await().atMost(Duration.ofSeconds(10)).until(() -> get(url).body().path("details").path("outbox")
				.path("pending").asLong(-1) == 0);
			Response up = get(url);
			assertThat(up.status()).isEqualTo(200);
			assertThat(up.body().path("status").asString()).isEqualTo("UP");
			assertThat(up.body().path("details").path("relay").asString()).isEqualTo("publishing");
			assertThat(up.body().path("details").path("outbox").path("failing").asLong(-1)).isZero();
			JsonNode deadLetters = up.body().path("details").path("deadLetterQueues").path(LISTENER);
			assertThat(deadLetters.path("queue").asString()).isEqualTo(registered.queue().deadLetterQueueName());
			assertThat(deadLetters.path("messages").asLong(-1)).isZero();

			try (SqsClient sqs = AwsTestClients.sqs(emulator)) {
				String dlq = sqs.getQueueUrl((request) -> request.queueName(registered.queue().deadLetterQueueName()))
					.queueUrl();
				sqs.sendMessage((request) -> request.queueUrl(dlq).messageBody("a dead letter"));
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> get(url).body().path("details").path("deadLetterQueues").path(LISTENER).path("messages")
					.asLong(-1) == 1);
			assertThat(get(url).status()).as("a dead letter needs a human, it is no outage").isEqualTo(200);

			emulator.stop();
			tx.executeWithoutResult((status) -> entityManager.persist(new Parcel(2L, "during")));
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> get(url).status() == 503);
			Response down = get(url);
			assertThat(down.body().path("status").asString()).isEqualTo("DOWN");
			assertThat(down.body().path("details").path("relay").asString()).startsWith("cannot publish since");
			assertThat(down.body().path("details").path("outbox").path("pending").asLong(-1)).isEqualTo(1);
			assertThat(down.body().path("details").path("deadLetterQueues").path(LISTENER).path("error").asString())
				.as("a depth that cannot be read is a detail")
				.isNotEmpty();

			emulator.restart();
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> get(url).status() == 200);
			assertThat(get(url).body().path("details").path("relay").asString()).isEqualTo("publishing");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> listener.deliveries().distinct(Delivery::entityId).contains("2"));
		}
		finally {
			emulator.stop();
		}
	}

	private Response get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), JSON.readTree(response.body()));
	}

	private record Response(int status, JsonNode body) {
	}

}
