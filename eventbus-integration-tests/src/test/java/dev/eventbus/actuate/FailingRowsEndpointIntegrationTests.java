package dev.eventbus.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, item 4: failing outbox rows over HTTP. A publisher in {@code none} mode whose topics
 * do not exist yet: its events fail and wait ten minutes for their retry. The endpoint lists them
 * (and the overview counts them); once a topic exists, "retry now" of one row publishes that row
 * at once, not after ten minutes, and the rows of the other channel stay failing until their
 * topic exists and they are retried too.
 */
@EnableFauxqs
class FailingRowsEndpointIntegrationTests {

	private static final String SCHEMA = "ep_failing";

	private static final String APP = "ep-failing";

	private static final Duration RETRY_DELAY = Duration.ofMinutes(10);

	private static ConfigurableApplicationContext context;

	private static EndpointClient endpoint;

	@BeforeAll
	static void start() {
		Map<String, String> properties = TestApps.properties(FauxqsEmulator.shared(), TestSchema.fresh(SCHEMA), APP);
		properties.put("spring.main.web-application-type", "servlet");
		properties.put("server.port", "0");
		properties.put("management.endpoints.web.exposure.include", "eventbus");
		properties.put("eventbus.management.writes-enabled", "true");
		properties.put("eventbus.provision.mode", "none");
		properties.put("eventbus.consume.enabled", "false");
		properties.put("eventbus.outbox.retry-delay", RETRY_DELAY.toString());
		properties.put("eventbus.outbox.max-retry-delay", RETRY_DELAY.toString());
		context = TestApps.run(EndpointApp.class, properties);
		endpoint = new EndpointClient(context);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void failingRowsAreListedAndRetriedNowOnceTheirTopicExists() {
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		EntityManager entityManager = context.getBean(EntityManager.class);
		tx.executeWithoutResult((status) -> {
			entityManager.persist(new Ledger(1L, "first"));
			entityManager.persist(new Refund(2L));
			entityManager.persist(new Refund(3L));
		});
		JsonNode failing = await().atMost(Duration.ofSeconds(30))
			.until(() -> endpoint.get("/failing").json(), (json) -> json.get("total").asLong() == 3);
		assertThat(failing.get("listed").asInt()).isEqualTo(3);
		JsonNode first = failing.get("rows").get(0);
		assertThat(first.get("channel").asString()).isEqualTo("Ledger");
		assertThat(first.get("action").asString()).isEqualTo("created");
		assertThat(first.get("entityId").asString()).isEqualTo("1");
		assertThat(first.get("attempts").asInt()).isEqualTo(1);
		assertThat(first.get("eventId").asString()).hasSize(36);
		assertThat(first.get("lastError").asString()).isNotBlank();
		assertThat(first.get("nextAttemptAt").asString()).isNotBlank();
		JsonNode refund = EndpointJson.channel(endpoint.get("").json(), "Refund");
		assertThat(refund.get("pending").asLong()).isEqualTo(2);
		assertThat(refund.get("failing").asLong()).isEqualTo(2);
		assertThat(refund.get("oldestAgeSeconds").asDouble()).isPositive();

		SnsClient sns = context.getBean(SnsClient.class);
		sns.createTopic((request) -> request.name(APP + "-Ledger"));
		long ledgerRow = first.get("id").asLong();
		// with its topic there, the row still waits for its retry ten minutes away: unpublished for 2 s
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> publishedAt(ledgerRow) == null);

		// Actuator reads a JSON body of strings: the ids are a comma-separated list (an id that does not fail is ignored)
		EndpointClient.Response retried = endpoint.post("/failing", "{\"ids\":\"" + ledgerRow + ",999999\"}");
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.json().get("retried").asInt()).isEqualTo(1);
		assertThat(retried.json().get("relayWoken").asBoolean()).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(ledgerRow) != null);
		assertThat(endpoint.get("/failing").json().get("total").asLong()).isEqualTo(2);

		sns.createTopic((request) -> request.name(APP + "-Refund"));
		EndpointClient.Response all = endpoint.post("/failing", "");
		assertThat(all.json().get("retried").asInt()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> endpoint.get("/failing").json().get("total").asLong() == 0);
		assertThat(unpublished()).isZero();
	}

	private static Object publishedAt(long id) {
		List<Object> published = context.getBean(JdbcTemplate.class)
			.queryForList("select published_at from eventbus_outbox where id = ?", Object.class, id);
		return published.get(0);
	}

	private static long unpublished() {
		return context.getBean(JdbcTemplate.class)
			.queryForObject("select count(*) from eventbus_outbox where published_at is null", Long.class);
	}

}
