package dev.eventbus.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.operations.Ledger;
import dev.eventbus.operations.OperationsApplication;
import dev.eventbus.operations.Tally;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, item 4: dead-letter peek and redrive and replay over HTTP in a started application
 * (PostgreSQL, fauxqs) with writes enabled: dead letters are moved back and handled, a replay
 * reaches only the listener it names, and bad requests answer 400 or 404.
 */
@EnableFauxqs
class ListenerOperationsEndpointIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	private static ConfigurableApplicationContext context;

	private static EndpointClient endpoint;

	@BeforeAll
	static void start() {
		Map<String, String> properties = TestApps.properties(FauxqsEmulator.shared(),
				TestSchema.fresh("ep_operations"), "ep-operations");
		properties.put("spring.main.web-application-type", "servlet");
		properties.put("server.port", "0");
		properties.put("management.endpoints.web.exposure.include", "eventbus");
		properties.put("eventbus.management.writes-enabled", "true");
		context = TestApps.run(OperationsApplication.class, properties);
		endpoint = new EndpointClient(context);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void redriveMovesTheDeadLettersBackAndTheFixedListenerHandlesThem() {
		AtomicBoolean broken = context.getBean(AtomicBoolean.class);
		OperationsApplication.Calls calls = context.getBean(OperationsApplication.Calls.class);
		List<String> events = List.of(saveLedger(), saveLedger(), saveLedger());
		JsonNode peek = await().atMost(TIMEOUT).until(() -> endpoint.get("/dead-letters/fixable").json(),
				(json) -> json.path("examined").asInt() == 3);
		assertThat(peek.get("groups").size()).isOne();
		JsonNode group = peek.get("groups").get(0);
		assertThat(group.get("count").asInt()).isEqualTo(3);
		assertThat(group.get("reason").asString()).startsWith("not retryable: ");
		assertThat(endpoint.get("/dead-letters/fixable?max=1").json().get("more").asBoolean()).isTrue();

		broken.set(false);
		EndpointClient.Response redrive = endpoint.post("/dead-letters/fixable", "{\"reason\":\"not retryable\"}");
		assertThat(redrive.status()).isEqualTo(200);
		assertThat(redrive.json().get("moved").asInt()).isEqualTo(3);
		assertThat(redrive.json().get("left").asInt()).isZero();
		await().atMost(TIMEOUT).until(() -> events.stream().allMatch((id) -> calls.of("fixable", id) == 1));
		assertThat(endpoint.get("/dead-letters/fixable").json().get("examined").asInt()).isZero();
	}

	@Test
	void replayReachesOnlyTheListenerItNames() {
		OperationsApplication.Calls calls = context.getBean(OperationsApplication.Calls.class);
		UUID id = UUID.randomUUID();
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		EntityManager entityManager = context.getBean(EntityManager.class);
		tx.executeWithoutResult((status) -> entityManager.persist(new Tally(id)));
		String event = eventIds(id).get(0);
		await().atMost(TIMEOUT).until(() -> calls.of("tallyAll", event) == 1 && calls.of("tallyCreated", event) == 1);
		long outboxId = jdbc().queryForObject("select id from eventbus_outbox where entity_id = ?", Long.class,
				id.toString());

		EndpointClient.Response replay = endpoint.post("/replay/tallyAll",
				"{\"fromId\":" + outboxId + ",\"toId\":" + outboxId + "}");
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.json().get("sent").asInt()).isOne();
		assertThat(replay.json().get("lastId").asLong()).isEqualTo(outboxId);
		await().atMost(TIMEOUT).until(() -> calls.of("tallyAll", event) == 2);
		// a second replay, to the other listener, as the barrier: once it arrived, the first went nowhere else
		endpoint.post("/replay/tallyCreated", "{\"fromId\":" + outboxId + ",\"toId\":" + outboxId + "}");
		await().atMost(TIMEOUT).until(() -> calls.of("tallyCreated", event) == 2);
		assertThat(calls.of("tallyAll", event)).isEqualTo(2);
		assertThat(calls.of("tallyOnce", event)).isOne();
	}

	@Test
	void badRequestsAnswerBadRequestOrNotFound() {
		assertThat(endpoint.post("/replay/tallyAll", "{}").status()).as("no bound").isEqualTo(400);
		EndpointClient.Response badInstant = endpoint.post("/replay/tallyAll", "{\"from\":\"yesterday\"}");
		assertThat(badInstant.status()).isEqualTo(400);
		assertThat(badInstant.json().get("error").asString()).contains("'from'");
		assertThat(endpoint.post("/replay/nobody", "{\"fromId\":1}").status()).isEqualTo(404);
		EndpointClient.Response unknown = endpoint.get("/dead-letters/nobody");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("error").asString()).contains("'nobody'").contains("fixable");
		assertThat(endpoint.get("/dead-letters/fixable?max=0").status()).isEqualTo(400);
	}

	private static String saveLedger() {
		UUID id = UUID.randomUUID();
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		EntityManager entityManager = context.getBean(EntityManager.class);
		tx.executeWithoutResult((status) -> entityManager.persist(new Ledger(id)));
		return eventIds(id).get(0);
	}

	private static List<String> eventIds(UUID entityId) {
		return jdbc().queryForList("select event_id from eventbus_outbox where entity_id = ? order by id", String.class,
				entityId.toString());
	}

	private static JdbcTemplate jdbc() {
		return new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
	}

}
