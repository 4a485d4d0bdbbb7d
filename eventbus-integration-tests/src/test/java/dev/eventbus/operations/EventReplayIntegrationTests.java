package dev.eventbus.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.Action;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.Queues;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, replay of retained outbox events to one listener on the real path: of three listeners
 * of one channel only the one replayed to receives the events again, a listener with an action
 * filter gets only its actions, and an idempotent listener skips the events it handled.
 */
@EnableFauxqs
@SpringBootTest(classes = OperationsApplication.class,
		properties = { "spring.application.name=it-replay", "eventbus.publish.topic-prefix=it-replay-" })
@DirtiesContext
class EventReplayIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	@Autowired
	EventReplay replay;

	@Autowired
	OperationsApplication.Calls calls;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqsAsyncClient sqs;

	@Autowired
	ListenerContainers listeners;

	@DynamicPropertySource
	static void schema(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("it_replay");
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void onlyTheListenerReplayedToReceivesTheEventsAgain() {
		Tally tally = createdAndUpdated();
		List<String> events = eventIds(tally);
		ReplayResult result = this.replay.replay("tallyAll", new ReplayRange(firstId(tally), null, null, null, null));
		assertThat(result.errors()).isEmpty();
		assertThat(result.queue()).isEqualTo(queueName("tallyAll"));
		assertThat(result.matched()).isEqualTo(2);
		assertThat(result.sent()).isEqualTo(2);
		assertThat(result.more()).isFalse();
		await().atMost(TIMEOUT).until(() -> events.stream().allMatch((id) -> this.calls.of("tallyAll", id) == 2));
		awaitEmpty("tallyCreated");
		awaitEmpty("tallyOnce");
		assertThat(events).allSatisfy((id) -> assertThat(this.calls.of("tallyOnce", id)).isOne());
		assertThat(this.calls.of("tallyCreated", events.get(0))).isOne();
		assertThat(this.calls.of("tallyCreated", events.get(1))).isZero();
	}

	@Test
	void aListenerWithAnActionFilterIsReplayedOnlyItsActions() {
		Tally tally = createdAndUpdated();
		List<String> events = eventIds(tally);
		long updatedBefore = this.calls.ofAction("tallyCreated", Action.UPDATED);
		ReplayResult result = this.replay.replay("tallyCreated",
				new ReplayRange(firstId(tally), lastId(tally), null, null, null));
		assertThat(result.actions()).containsExactly("created");
		assertThat(result.matched()).isOne();
		assertThat(result.lastId()).isEqualTo(firstId(tally));
		await().atMost(TIMEOUT).until(() -> this.calls.of("tallyCreated", events.get(0)) == 2);
		awaitEmpty("tallyCreated");
		assertThat(this.calls.of("tallyCreated", events.get(1))).isZero();
		assertThat(this.calls.ofAction("tallyCreated", Action.UPDATED)).isEqualTo(updatedBefore).isZero();
	}

	@Test
	void anIdempotentListenerSkipsTheEventsItHandled() {
		Instant before = Instant.now().minusSeconds(1);
		Tally tally = createdAndUpdated();
		List<String> events = eventIds(tally);
		ReplayResult result = this.replay.replay("tallyOnce",
				new ReplayRange(firstId(tally), lastId(tally), before, Instant.now().plusSeconds(1), null));
		assertThat(result.sent()).isEqualTo(2);
		awaitEmpty("tallyOnce");
		assertThat(events).allSatisfy((id) -> {
			assertThat(this.calls.of("tallyOnce", id)).as("calls of " + id).isOne();
			assertThat(this.jdbc.queryForObject(
					"select count(*) from eventbus_inbox where listener_id = 'tallyOnce' and event_id = ?::uuid",
					Long.class, id))
				.as("inbox rows of " + id)
				.isOne();
		});
	}

	@Test
	void aReplayIsBoundedAndSaysWhereToContinue() {
		Tally tally = createdAndUpdated();
		ReplayResult result = this.replay.replay("tallyAll", new ReplayRange(firstId(tally), null, null, null, 1));
		assertThat(result.matched()).isOne();
		assertThat(result.more()).isTrue();
		assertThat(result.lastId()).isEqualTo(firstId(tally));
		awaitEmpty("tallyAll");
	}

	@Test
	void aReplayNeedsABound() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReplayRange(null, null, null, null, 10))
			.withMessageContaining("at least one of fromId, toId, from, to");
	}

	/** A tally created and updated, both events handled by all three listeners that take them. */
	private Tally createdAndUpdated() {
		Tally tally = new Tally(UUID.randomUUID());
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(tally));
		this.tx.executeWithoutResult((status) -> this.entityManager.find(Tally.class, tally.getId()).increment());
		List<String> events = eventIds(tally);
		assertThat(events).hasSize(2);
		await().atMost(TIMEOUT)
			.until(() -> events.stream().allMatch((id) -> this.calls.of("tallyAll", id) == 1
					&& this.calls.of("tallyOnce", id) == 1) && this.calls.of("tallyCreated", events.get(0)) == 1);
		await().atMost(TIMEOUT)
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from eventbus_outbox where entity_id = ? and published_at is not null", Long.class,
					tally.getId().toString()) == 2);
		return tally;
	}

	private List<String> eventIds(Tally tally) {
		return this.jdbc.queryForList("select event_id from eventbus_outbox where entity_id = ? order by id",
				String.class, tally.getId().toString());
	}

	private long firstId(Tally tally) {
		return this.jdbc.queryForObject("select min(id) from eventbus_outbox where entity_id = ?", Long.class,
				tally.getId().toString());
	}

	private long lastId(Tally tally) {
		return this.jdbc.queryForObject("select max(id) from eventbus_outbox where entity_id = ?", Long.class,
				tally.getId().toString());
	}

	private String queueName(String listener) {
		return this.listeners.listener(listener).orElseThrow().queue().queueName();
	}

	private void awaitEmpty(String listener) {
		String url = Queues.url(this.sqs, queueName(listener));
		await().atMost(TIMEOUT).until(() -> Queues.depth(this.sqs, url) == 0);
	}

}
