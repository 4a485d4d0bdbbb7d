package dev.eventbus.actuate;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import dev.eventbus.test.Queues;
import jakarta.persistence.EntityManager;

import static dev.eventbus.actuate.EndpointJson.listener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, item 5: the IAM policies of the topology document allow every call the application
 * makes. The application's SNS and SQS clients record the IAM action of each call
 * ({@link AwsCallRecorder}) while it provisions in {@code create} mode (first start, then a
 * start where everything exists with other attributes, which it corrects), publishes, consumes,
 * dead-letters a poison message and reads its queue depths through the endpoint; then while it
 * starts and runs in {@code validate} and in {@code none} mode. Every action recorded must be in the policy of that mode.
 */
@EnableFauxqs
class IamPolicyIntegrationTests {

	private static final String SCHEMA = "ep_iam";

	private static final String APP = "ep-iam";

	@BeforeAll
	static void schema() {
		TestSchema.fresh(SCHEMA);
	}

	@Test
	void everyCallOfEachModeIsAllowedByThePolicyOfThatMode() {
		Set<String> created = run("create", true, Map.of());
		assertThat(created).contains("sns:CreateTopic", "sqs:CreateQueue", "sns:Subscribe", "sns:Publish",
				"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:SendMessage", "sqs:GetQueueAttributes");
		// everything exists, with other attributes: corrected
		Set<String> corrected = run("create", false,
				Map.of("eventbus.provision.visibility-timeout", "31s", "eventbus.consume.raw-delivery", "true"));
		assertThat(corrected).contains("sqs:SetQueueAttributes", "sns:ListSubscriptionsByTopic",
				"sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes");
		// and back, for the runs below
		run("create", false, Map.of());
		Set<String> validated = run("validate", true, Map.of());
		assertThat(validated).contains("sns:ListTopics", "sns:ListSubscriptionsByTopic").doesNotContain("sqs:CreateQueue");
		Set<String> none = run("none", true, Map.of());
		assertThat(none).contains("sns:ListTopics", "sns:Publish").doesNotContain("sns:ListSubscriptionsByTopic");
	}

	/**
	 * Runs the application in a mode, exercising its paths, and checks its calls against the
	 * policy of the mode.
	 * @return the IAM actions of the calls it made
	 */
	private static Set<String> run(String mode, boolean work, Map<String, String> more) {
		Map<String, String> properties = TestApps.properties(FauxqsEmulator.shared(), TestSchema.url(SCHEMA), APP);
		properties.put("spring.main.web-application-type", "servlet");
		properties.put("server.port", "0");
		properties.put("management.endpoints.web.exposure.include", "eventbus");
		properties.put("eventbus.provision.mode", mode);
		properties.put("ep.record-aws-calls", "true");
		properties.putAll(more);
		try (ConfigurableApplicationContext context = TestApps.run(EndpointApp.class, properties)) {
			EndpointClient endpoint = new EndpointClient(context);
			if (work) {
				exercise(context, endpoint);
			}
			JsonNode topology = endpoint.get("/topology").json();
			Set<String> calls = context.getBean(AwsCallRecorder.class).actions();
			JsonNode iam = topology.get("iam");
			JsonNode policy = mode.equals("create") ? iam.get("create") : iam.get("runtime");
			if (!mode.equals("create")) {
				assertThat(iam.get("runtimeMode").asString()).isEqualTo(mode);
			}
			assertThat(allowed(policy)).as("the %s policy allows what the application called", mode)
				.containsAll(calls);
			return calls;
		}
	}

	/** Publishes, consumes, dead-letters a poison message and reads the depths. */
	private static void exercise(ConfigurableApplicationContext context, EndpointClient endpoint) {
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		EntityManager entityManager = context.getBean(EntityManager.class);
		LedgerListeners listeners = context.getBean(LedgerListeners.class);
		int before = listeners.received().count();
		long id = System.nanoTime();
		tx.executeWithoutResult((status) -> entityManager.persist(new Ledger(id, "new")));
		tx.executeWithoutResult((status) -> entityManager.remove(entityManager.find(Ledger.class, id)));
		// ledger-all takes both events, ledger-deletes the deletion
		await().atMost(Duration.ofSeconds(30)).until(() -> listeners.received().count() >= before + 3);
		SqsAsyncClient sqs = context.getBean(SqsAsyncClient.class);
		String dlq = APP + "-ledger-deletes-dlq";
		long dead = Queues.depth(sqs, Queues.url(sqs, dlq));
		sqs.sendMessage((request) -> request.queueUrl(Queues.url(sqs, APP + "-ledger-deletes")).messageBody("{}"))
			.join();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> listener(endpoint.get("").json(), "ledger-deletes").path("deadLetterQueueDepth")
				.path("visible")
				.asLong() == dead + 1);
		// Spring Cloud AWS deletes handled messages in batches, after the listener returned: wait
		// until both queues hold nothing in flight, so the deletions are among the calls recorded
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode overview = endpoint.get("").json();
			return inFlight(overview, "ledger-deletes") == 0 && inFlight(overview, "ledger-all") == 0;
		});
	}

	private static long inFlight(JsonNode overview, String listener) {
		JsonNode depth = listener(overview, listener).path("queueDepth");
		return depth.path("visible").asLong(-1) + depth.path("inFlight").asLong(-1);
	}

	private static Set<String> allowed(JsonNode policy) {
		Set<String> actions = new HashSet<>();
		policy.get("Statement").forEach((statement) -> statement.get("Action").forEach((a) -> actions.add(a.asString())));
		return actions;
	}

}
