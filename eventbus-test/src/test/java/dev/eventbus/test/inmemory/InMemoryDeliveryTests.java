package dev.eventbus.test.inmemory;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.test.InMemoryEventBus;
import dev.eventbus.test.inmemory.InMemoryApplication.BadParcelException;
import dev.eventbus.test.inmemory.InMemoryApplication.Parcel;
import dev.eventbus.test.inmemory.InMemoryApplication.ParcelListeners;
import dev.eventbus.test.inmemory.InMemoryApplication.ParcelView;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, in-memory delivery for fast tests: on H2, with no AWS endpoint, region or credentials configured and a
 * post-processor that fails the context if any AWS SDK client is created. The relay polls once a
 * minute: events that arrive within seconds were sent on its wake-up after the commit.
 */
@InMemoryEventBus
@SpringBootTest(classes = InMemoryApplication.class,
		properties = { "spring.application.name=im", "eventbus.outbox.poll-interval=1m", "spring.jpa.hibernate.ddl-auto=create-drop" })
class InMemoryDeliveryTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static long ids = 0;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	ParcelListeners listeners;

	@Autowired
	InMemoryDelivery delivery;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void forgetDeadLetters() {
		this.delivery.clearDeadLetters();
	}

	@Test
	void noAwsClientIsCreatedAndNoEndpointIsConfigured(@Autowired Environment environment) {
		assertThat(this.context.getBeanNamesForType(SdkClient.class)).isEmpty();
		assertThat(environment.getProperty("spring.cloud.aws.sns.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("spring.cloud.aws.sqs.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("spring.cloud.aws.endpoint")).isNull();
		assertThat(environment.getProperty("spring.cloud.aws.sqs.endpoint")).isNull();
	}

	@Test
	void committedChangesReachTheListenersAfterTheCommitThroughTheOutbox() {
		long id = nextId();
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(new Parcel(id, "NEW")));
		this.tx.executeWithoutResult((status) -> this.entityManager.find(Parcel.class, id).status = "SENT");
		this.tx.executeWithoutResult(
				(status) -> this.entityManager.remove(this.entityManager.find(Parcel.class, id)));

		await().atMost(TIMEOUT).until(() -> events(id).size() == 3);
		assertThat(events(id)).extracting(EntityEvent::action)
			.containsExactly(Action.CREATED, Action.UPDATED, Action.DELETED);
		assertThat(events(id).get(1).changes().get("status")).isEqualTo(new EntityEvent.Change("NEW", "SENT"));
		assertThat(events(id).get(2).payload()).isEqualTo(new ParcelView(id, "SENT"));
		await().atMost(TIMEOUT).until(() -> this.listeners.deleted.contains(new ParcelView(id, "SENT")));
		assertThat(this.listeners.deleted).filteredOn((parcel) -> parcel.id() == id).hasSize(1);
		assertThat(this.jdbc.queryForObject("select count(*) from eventbus_outbox where entity_id = ?", Long.class,
				String.valueOf(id))).isEqualTo(3);
	}

	@Test
	void rolledBackTransactionDeliversNothing() {
		long rolledBack = nextId();
		this.tx.executeWithoutResult((status) -> {
			this.entityManager.persist(new Parcel(rolledBack, "NEW"));
			this.entityManager.flush();
			status.setRollbackOnly();
		});
		long barrier = nextId();
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(new Parcel(barrier, "NEW")));
		await().atMost(TIMEOUT).until(() -> events(barrier).size() == 1);
		await().atMost(TIMEOUT).until(() -> this.delivery.inFlight() == 0);
		assertThat(events(rolledBack)).isEmpty();
		assertThat(this.listeners.flakyCalls).doesNotContainKey(rolledBack);
	}

	@Test
	void failedDeliveriesAreRetriedAtOnceAndAnEventFailingEveryDeliveryIsDeadLetteredWithTheReason() {
		long flaky = nextId();
		long broken = nextId();
		this.tx.executeWithoutResult((status) -> {
			this.entityManager.persist(new Parcel(flaky, "FLAKY"));
			this.entityManager.persist(new Parcel(broken, "BROKEN"));
		});
		await().atMost(TIMEOUT).until(() -> this.listeners.flakyHandled.contains(new ParcelView(flaky, "FLAKY")));
		assertThat(this.listeners.flakyCalls.get(flaky)).hasValue(3);
		await().atMost(TIMEOUT).until(() -> !deadLetters("parcels-flaky", broken).isEmpty());
		InMemoryDeadLetter letter = deadLetters("parcels-flaky", broken).get(0);
		assertThat(this.listeners.flakyCalls.get(broken)).hasValue(5);
		assertThat(letter.deliveries()).isEqualTo(5);
		assertThat(letter.reason()).isEqualTo(
				"failed 5 of 5 deliveries: java.lang.IllegalStateException: call 5 of parcel " + broken);
		assertThat(letter.failure()).isInstanceOf(IllegalStateException.class);
		assertThat(letter.attributes()).containsEntry("action", "created").containsEntry("channel", "Parcel");
		assertThat(deadLetters("parcels-flaky", flaky)).isEmpty();
	}

	@Test
	void nonRetryableExceptionDeadLettersTheEventOnTheFirstDelivery() {
		long bad = nextId();
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(new Parcel(bad, "BAD")));
		await().atMost(TIMEOUT).until(() -> !deadLetters("parcels-flaky", bad).isEmpty());
		InMemoryDeadLetter letter = deadLetters("parcels-flaky", bad).get(0);
		assertThat(letter.deliveries()).isEqualTo(1);
		assertThat(letter.reason()).isEqualTo("not retryable: " + BadParcelException.class.getName()
				+ ": bad parcel " + bad);
		assertThat(this.listeners.flakyCalls.get(bad)).hasValue(1);
	}

	@Test
	void anEventThatCannotBeBoundIsPoisonAndDeadLetteredWithoutReachingTheMethod() {
		long id = nextId();
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(new Parcel(id, "NEW")));
		await().atMost(TIMEOUT).until(() -> !deadLetters("parcels-unbindable", id).isEmpty());
		InMemoryDeadLetter letter = deadLetters("parcels-unbindable", id).get(0);
		assertThat(letter.deliveries()).isEqualTo(1);
		assertThat(letter.reason()).contains("payload");
		assertThat(letter.body()).contains("\"entityId\":\"" + id + "\"");
	}

	@Test
	void eventsOfOneEntityReachAListenerInCommitOrder() {
		long id = nextId();
		// a transaction per change: the changes of one transaction fold into one net event
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(new Parcel(id, "S0")));
		for (int i = 1; i <= 9; i++) {
			String status = "S" + i;
			this.tx.executeWithoutResult((tx) -> this.entityManager.find(Parcel.class, id).status = status);
		}
		await().atMost(TIMEOUT).until(() -> events(id).size() == 10);
		assertThat(events(id)).extracting((event) -> event.payload().status())
			.containsExactly("S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9");
	}

	private List<EntityEvent<ParcelView>> events(long id) {
		return this.listeners.all.stream().filter((event) -> event.entityId().equals(String.valueOf(id))).toList();
	}

	private List<InMemoryDeadLetter> deadLetters(String listener, long id) {
		return this.delivery.deadLetters(listener)
			.stream()
			.filter((letter) -> letter.body().contains("\"entityId\":\"" + id + "\""))
			.toList();
	}

	private static synchronized long nextId() {
		return ++ids;
	}

}
