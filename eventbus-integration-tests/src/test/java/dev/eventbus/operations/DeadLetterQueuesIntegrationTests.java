package dev.eventbus.operations;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.Queues;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, dead-letter peek and redrive on the real path: a listener dead-letters events with a
 * non-retryable exception while two poison messages (sent straight to its queue) are dead-lettered
 * as not JSON; the peek groups the two reasons without consuming anything, and a
 * redrive of one reason moves exactly those events back, where the fixed listener handles them.
 */
@EnableFauxqs
@SpringBootTest(classes = OperationsApplication.class,
		properties = { "spring.application.name=it-dlq", "eventbus.publish.topic-prefix=it-dlq-" })
@DirtiesContext
class DeadLetterQueuesIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	private static final String NOT_RETRYABLE = "not retryable: " + OperationsApplication.BrokenException.class.getName();

	@Autowired
	DeadLetterQueues deadLetters;

	@Autowired
	OperationsApplication.Calls calls;

	@Autowired
	AtomicBoolean broken;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqsAsyncClient sqs;

	@DynamicPropertySource
	static void schema(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("it_dead_letters");
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void peekGroupsByReasonWithoutConsumingAndRedriveOfOneReasonMovesExactlyThoseBack() {
		List<String> events = List.of(save(), save(), save());
		String queue = Queues.url(this.sqs, "it-dlq-fixable");
		for (int i = 0; i < 2; i++) {
			this.sqs.sendMessage((request) -> request.queueUrl(queue).messageBody("not an event")).join();
		}
		String dlq = Queues.url(this.sqs, "it-dlq-fixable-dlq");
		await().atMost(TIMEOUT).until(() -> Queues.depth(this.sqs, dlq) == 5);

		DeadLetterReport report = this.deadLetters.peek("fixable", null);
		assertThat(report.deadLetterQueue()).isEqualTo("it-dlq-fixable-dlq");
		assertThat(report.examined()).isEqualTo(5);
		assertThat(report.more()).isFalse();
		assertThat(report.groups()).extracting(DeadLetterGroup::count).containsExactly(3, 2);
		DeadLetterGroup rejected = report.groups().get(0);
		assertThat(rejected.reason()).startsWith(NOT_RETRYABLE);
		assertThat(rejected.samples()).extracting(DeadLetterSample::eventId).containsExactlyInAnyOrderElementsOf(events);
		assertThat(rejected.samples()).extracting(DeadLetterSample::channel).containsOnly("Ledger");
		assertThat(rejected.samples()).extracting(DeadLetterSample::action).containsOnly("created");
		assertThat(rejected.first()).isBeforeOrEqualTo(rejected.last());
		DeadLetterGroup poison = report.groups().get(1);
		assertThat(poison.reason()).startsWith("body is not JSON");
		assertThat(poison.samples()).extracting(DeadLetterSample::eventId).containsOnlyNulls();
		assertThat(this.deadLetters.peek("fixable", 2).more()).as("a peek of 2 of 5").isTrue();
		assertThat(this.deadLetters.peek("fixable", null).examined()).as("nothing consumed by the peeks").isEqualTo(5);

		this.broken.set(false);
		RedriveResult redrive = this.deadLetters.redrive("fixable", NOT_RETRYABLE, null);
		assertThat(redrive.errors()).isEmpty();
		assertThat(redrive.moved()).isEqualTo(3);
		assertThat(redrive.left()).isEqualTo(2);
		await().atMost(TIMEOUT).until(() -> events.stream().allMatch((id) -> this.calls.of("fixable", id) == 1));
		await().atMost(TIMEOUT).until(() -> Queues.depth(this.sqs, queue) == 0);
		DeadLetterReport after = this.deadLetters.peek("fixable", null);
		assertThat(after.groups()).singleElement().satisfies((group) -> {
			assertThat(group.reason()).isEqualTo(poison.reason());
			assertThat(group.count()).isEqualTo(2);
		});
	}

	@Test
	void anUnknownListenerIsRefusedNamingTheKnownOnes() {
		assertThatExceptionOfType(UnknownListenerException.class)
			.isThrownBy(() -> this.deadLetters.peek("nobody", null))
			.withMessageContaining("'nobody'")
			.withMessageContaining("fixable");
	}

	private String save() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(new Ledger(id)));
		return this.jdbc.queryForObject("select event_id from eventbus_outbox where entity_id = ?", String.class,
				id.toString());
	}

}
