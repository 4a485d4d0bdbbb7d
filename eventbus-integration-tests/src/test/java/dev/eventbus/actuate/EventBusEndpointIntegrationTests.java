package dev.eventbus.actuate;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import dev.eventbus.test.Queues;
import dev.eventbus.test.Topics;
import jakarta.persistence.EntityManager;

import static dev.eventbus.actuate.EndpointJson.channel;
import static dev.eventbus.actuate.EndpointJson.listener;
import static dev.eventbus.actuate.EndpointJson.statement;
import static dev.eventbus.actuate.EndpointJson.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, item 4: the {@code eventbus} endpoint over HTTP in a started application (PostgreSQL,
 * fauxqs): the overview shows the channels with their topics and entities, the listeners with
 * their queues and depths; writes are refused with 403 naming the property while they are not
 * enabled; unknown parts answer 404; the topology lists what the application has, with the ARNs
 * the emulator gave.
 */
@EnableFauxqs
class EventBusEndpointIntegrationTests {

	private static final String SCHEMA = "ep_endpoint";

	private static final String APP = "ep-endpoint";

	private static ConfigurableApplicationContext context;

	private static EndpointClient endpoint;

	@BeforeAll
	static void start() {
		Map<String, String> properties = TestApps.properties(FauxqsEmulator.shared(), TestSchema.fresh(SCHEMA), APP);
		properties.put("spring.main.web-application-type", "servlet");
		properties.put("server.port", "0");
		properties.put("management.endpoints.web.exposure.include", "eventbus");
		context = TestApps.run(EndpointApp.class, properties);
		endpoint = new EndpointClient(context);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void overviewShowsChannelsEntitiesAndListenersWithQueueDepths() {
		SnsClient sns = context.getBean(SnsClient.class);
		SqsAsyncClient sqs = context.getBean(SqsAsyncClient.class);
		// a message that is not an SNS notification: poison, moved to the dead-letter queue at once
		String deletesQueue = APP + "-ledger-deletes";
		sqs.sendMessage((request) -> request.queueUrl(Queues.url(sqs, deletesQueue)).messageBody("{\"not\":\"sns\"}"))
			.join();
		JsonNode overview = await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.get("").json(),
				(json) -> listener(json, "ledger-deletes").path("deadLetterQueueDepth").path("visible").asLong() == 1);

		assertThat(overview.get("writesEnabled").asBoolean()).isFalse();
		assertThat(overview.get("relayEnabled").asBoolean()).isTrue();
		assertThat(overview.get("relayRunning").asBoolean()).isTrue();
		JsonNode ledger = channel(overview, "Ledger");
		assertThat(ledger.get("topic").asString()).isEqualTo(APP + "-Ledger");
		assertThat(ledger.get("topicArn").asString()).isEqualTo(Topics.arn(sns, APP + "-Ledger"));
		assertThat(strings(ledger.get("entities"))).containsExactly(Ledger.class.getName(),
				LedgerCorrection.class.getName());
		assertThat(ledger.get("pending").asLong()).isZero();
		assertThat(ledger.get("failing").asLong()).isZero();
		assertThat(strings(channel(overview, "Refund").get("entities"))).containsExactly(Refund.class.getName());

		JsonNode deletes = listener(overview, "ledger-deletes");
		assertThat(deletes.get("channel").asString()).isEqualTo("Ledger");
		assertThat(strings(deletes.get("actions"))).containsExactly("deleted");
		assertThat(deletes.get("queue").asString()).isEqualTo(deletesQueue);
		assertThat(deletes.get("deadLetterQueue").asString()).isEqualTo(deletesQueue + "-dlq");
		assertThat(deletes.get("topicArn").asString()).isEqualTo(ledger.get("topicArn").asString());
		assertThat(deletes.get("queueDepth").get("visible").asLong()).isZero();
		assertThat(deletes.get("idempotent").asBoolean()).isFalse();
		assertThat(deletes.get("rawDelivery").asBoolean()).isFalse();
		assertThat(deletes.get("paused").isBoolean()).isTrue();
		assertThat(deletes.get("paused").asBoolean()).isFalse();
		JsonNode all = listener(overview, "ledger-all");
		assertThat(strings(all.get("actions"))).isEmpty();
		assertThat(all.get("idempotent").asBoolean()).isTrue();
		assertThat(all.get("deadLetterQueueDepth").get("visible").asLong()).isZero();
		assertThat(overview.get("consumption").get("paused").asBoolean()).isFalse();
	}

	@Test
	void savedEntityIsPublishedAndTheBacklogIsEmptyAgain() {
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		EntityManager entityManager = context.getBean(EntityManager.class);
		tx.executeWithoutResult((status) -> entityManager.persist(new Ledger(System.nanoTime(), "paid")));
		LedgerListeners listeners = context.getBean(LedgerListeners.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> listeners.received().count() >= 1);
		JsonNode ledger = channel(endpoint.get("").json(), "Ledger");
		assertThat(ledger.get("pending").asLong()).isZero();
		assertThat(ledger.get("oldestAgeSeconds").asDouble()).isZero();
	}

	@Test
	void writesAreRefusedWithForbiddenNamingThePropertyWhileNotEnabled() {
		EndpointClient.Response retry = endpoint.post("/failing", "");
		assertThat(retry.status()).isEqualTo(403);
		assertThat(retry.json().get("property").asString()).isEqualTo("eventbus.management.writes-enabled");
		assertThat(retry.json().get("error").asString()).contains("eventbus.management.writes-enabled=true");
		EndpointClient.Response withIds = endpoint.post("/failing", "{\"ids\":\"1,2\"}");
		assertThat(withIds.status()).isEqualTo(403);
		assertThat(endpoint.post("/dead-letters/ledger-all", "").status()).as("redrive").isEqualTo(403);
		EndpointClient.Response replay = endpoint.post("/replay/ledger-all", "{\"fromId\":1}");
		assertThat(replay.status()).as("replay").isEqualTo(403);
		assertThat(replay.json().get("property").asString()).isEqualTo("eventbus.management.writes-enabled");
		assertThat(endpoint.get("/dead-letters/ledger-all").status()).as("peek, a read").isEqualTo(200);
	}

	@Test
	void unknownPartsAnswerNotFound() {
		assertThat(endpoint.get("/nothing").status()).isEqualTo(404);
		assertThat(endpoint.post("/nothing", "").status()).isEqualTo(404);
		assertThat(endpoint.get("/nothing/ledger-all").status()).isEqualTo(404);
	}

	@Test
	void failingRowsListNoneWhileEverythingIsPublished() {
		EndpointClient.Response failing = endpoint.get("/failing");
		assertThat(failing.status()).isEqualTo(200);
		assertThat(failing.json().get("total").asLong()).isZero();
		assertThat(failing.json().get("rows").size()).isZero();
	}

	@Test
	void topologyListsTheTopicsQueuesAndSubscriptionsTheApplicationHas() {
		SnsClient sns = context.getBean(SnsClient.class);
		SqsAsyncClient sqs = context.getBean(SqsAsyncClient.class);
		JsonNode topology = endpoint.get("/topology").json();
		assertThat(topology.get("provisionMode").asString()).isEqualTo("create");
		String ledgerArn = Topics.arn(sns, APP + "-Ledger");
		String refundArn = Topics.arn(sns, APP + "-Refund");
		assertThat(topology.get("topics").valueStream().map((topic) -> topic.get("arn").asString()))
			.containsExactly(ledgerArn, refundArn);
		JsonNode deletes = listener(topology, "ledger-deletes");
		String queueArn = Queues.arn(sqs, Queues.url(sqs, APP + "-ledger-deletes"));
		String dlqArn = Queues.arn(sqs, Queues.url(sqs, APP + "-ledger-deletes-dlq"));
		assertThat(deletes.get("queue").get("arn").asString()).isEqualTo(queueArn);
		assertThat(deletes.get("deadLetterQueue").get("arn").asString()).isEqualTo(dlqArn);
		JsonNode attributes = deletes.get("queue").get("attributes");
		assertThat(attributes.get("RedrivePolicy").get("deadLetterTargetArn").asString()).isEqualTo(dlqArn);
		assertThat(attributes.get("Policy").get("Statement").get(0).get("Condition").get("ArnEquals")
			.get("aws:SourceArn").asString()).isEqualTo(ledgerArn);
		JsonNode subscription = deletes.get("subscription");
		assertThat(subscription.get("topicArn").asString()).isEqualTo(ledgerArn);
		assertThat(subscription.get("endpoint").asString()).isEqualTo(queueArn);
		assertThat(strings(subscription.get("attributes").get("FilterPolicy").get("action"))).containsExactly("deleted");
		JsonNode publish = statement(topology.get("iam").get("runtime"), "EventbusPublish");
		assertThat(strings(publish.get("Action"))).containsExactly("sns:Publish");
		assertThat(strings(publish.get("Resource"))).containsExactly(ledgerArn, refundArn);
		assertThat(topology.get("iam").get("runtimeMode").asString()).isEqualTo("none");
	}

}
