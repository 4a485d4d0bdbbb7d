package dev.eventbus.it.failure;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.Delivery;
import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.TopicTap;
import dev.eventbus.failure.shared.Booking;
import dev.eventbus.failure.shared.BookingListener;
import dev.eventbus.failure.shared.SharedApp;
import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, item 1: an event goes where its publisher sent it, whichever instance relays it. Two
 * applications with their own names and topic prefixes share one database schema, so one
 * {@code eventbus_outbox} table, and both relays relay from it (each the partitions it leases). Each row records its topic and
 * publisher at capture, so every event reaches its own application's topic and listener (never
 * the other's), and the {@code publisher} attribute equals the body's.
 */
@EnableFauxqs
class SharedOutboxIntegrationTests {

	private static final int EVENTS = 300;

	private static final int PER_TRANSACTION = 10;

	private static final long FIRST_ID_OF_B = 100_001;

	@Test
	void twoApplicationsOnOneOutboxEachGetExactlyTheirOwnEventsOnTheirOwnTopic(FauxqsEmulator emulator) {
		Map<String, String> a = properties(emulator, "fx_shared", "fx-shared-a");
		a.put("spring.jpa.hibernate.ddl-auto", "create");
		Map<String, String> b = properties(emulator, "fx_shared", "fx-shared-b");
		b.put("spring.jpa.hibernate.ddl-auto", "none");
		TestSchema.fresh("fx_shared");
		try (ConfigurableApplicationContext first = TestApps.run(SharedApp.class, a);
				ConfigurableApplicationContext second = TestApps.run(SharedApp.class, b)) {
			TopicTap tapA = tap(first, "fx-shared-a-Booking", "fx-shared-tap-a");
			TopicTap tapB = tap(first, "fx-shared-b-Booking", "fx-shared-tap-b");

			CompletableFuture.allOf(CompletableFuture.runAsync(() -> save(first, 1, EVENTS)),
					CompletableFuture.runAsync(() -> save(second, FIRST_ID_OF_B, EVENTS)))
				.join();

			BookingListener listenerA = first.getBean(BookingListener.class);
			BookingListener listenerB = second.getBean(BookingListener.class);
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> listenerA.received().size() >= EVENTS && listenerB.received().size() >= EVENTS
						&& tapA.poll().size() >= EVENTS && tapB.poll().size() >= EVENTS);
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.queryForObject("select count(*) from eventbus_outbox where published_at is null",
						Long.class) == 0);

			assertOwnEventsOnly(listenerA, tapA, "fx-shared-a", ids(1, EVENTS), jdbc);
			assertOwnEventsOnly(listenerB, tapB, "fx-shared-b", ids(FIRST_ID_OF_B, EVENTS), jdbc);
			assertThat(jdbc.queryForObject("select count(*) from eventbus_outbox where attempts > 0", Long.class))
				.as("no publish failed, so none was retried")
				.isZero();
		}
	}

	@Test
	void eventsOfAnApplicationWhoseRelayIsOffAreRelayedByTheOtherToTheirOwnTopic(FauxqsEmulator emulator) {
		int events = 50;
		Map<String, String> a = properties(emulator, "fx_shared_relay", "fx-shared-relay-a");
		a.put("spring.jpa.hibernate.ddl-auto", "create");
		Map<String, String> b = properties(emulator, "fx_shared_relay", "fx-shared-relay-b");
		b.put("spring.jpa.hibernate.ddl-auto", "none");
		b.put("eventbus.outbox.relay-enabled", "false");
		TestSchema.fresh("fx_shared_relay");
		try (ConfigurableApplicationContext first = TestApps.run(SharedApp.class, a);
				ConfigurableApplicationContext second = TestApps.run(SharedApp.class, b)) {
			TopicTap tapA = tap(first, "fx-shared-relay-a-Booking", "fx-shared-relay-tap-a");
			TopicTap tapB = tap(first, "fx-shared-relay-b-Booking", "fx-shared-relay-tap-b");

			save(second, FIRST_ID_OF_B, events);
			save(first, 1, events);

			BookingListener listenerA = first.getBean(BookingListener.class);
			BookingListener listenerB = second.getBean(BookingListener.class);
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> listenerA.received().size() >= events && listenerB.received().size() >= events
						&& tapA.poll().size() >= events && tapB.poll().size() >= events);
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			assertOwnEventsOnly(listenerA, tapA, "fx-shared-relay-a", ids(1, events), jdbc);
			assertOwnEventsOnly(listenerB, tapB, "fx-shared-relay-b", ids(FIRST_ID_OF_B, events), jdbc);
		}
	}

	@Test
	void eventWhoseTopicDoesNotExistYetWaitsInTheOutboxWithoutHoldingUpOthersAndGoesOutOnceItExists(
			FauxqsEmulator emulator) {
		Map<String, String> a = properties(emulator, "fx_shared_missing", "fx-shared-missing-a");
		a.put("spring.jpa.hibernate.ddl-auto", "create");
		a.put("eventbus.outbox.retry-delay", "200ms");
		a.put("eventbus.outbox.max-retry-delay", "1s");
		// B neither creates its topic nor relays: only A's relay can send B's event, to B's topic once it exists
		Map<String, String> b = properties(emulator, "fx_shared_missing", "fx-shared-missing-b");
		b.put("spring.jpa.hibernate.ddl-auto", "none");
		b.put("eventbus.provision.mode", "none");
		b.put("eventbus.consume.enabled", "false");
		b.put("eventbus.outbox.relay-enabled", "false");
		TestSchema.fresh("fx_shared_missing");
		try (ConfigurableApplicationContext first = TestApps.run(SharedApp.class, a);
				ConfigurableApplicationContext second = TestApps.run(SharedApp.class, b)) {
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			save(second, FIRST_ID_OF_B, 1);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.queryForObject("select count(*) from eventbus_outbox where attempts > 0", Long.class) > 0);
			assertThat(jdbc.queryForObject("select last_error from eventbus_outbox where publisher = ?", String.class,
					"fx-shared-missing-b"))
				.isEqualTo("SNS topic 'fx-shared-missing-b-Booking' does not exist");

			save(first, 1, 1);
			BookingListener listenerA = first.getBean(BookingListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listenerA.received().size() == 1);
			assertThat(listenerA.received()).extracting(Delivery::entityId).containsExactly("1");

			// the relay pauses while the topic and the tap are created: with retries 200 ms apart it could
			// otherwise send the event in between, before the tap listens
			OutboxRelay relay = first.getBean(OutboxRelay.class);
			relay.stop();
			SnsClient sns = first.getBean(SnsClient.class);
			sns.createTopic((request) -> request.name("fx-shared-missing-b-Booking"));
			TopicTap tapB = tap(first, "fx-shared-missing-b-Booking", "fx-shared-missing-tap-b");
			assertThat(jdbc.queryForObject("select count(*) from eventbus_outbox where published_at is null", Long.class))
				.as("B's event still waits")
				.isEqualTo(1);
			relay.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> tapB.poll().size() == 1);
			TopicTap.Notification sent = tapB.poll().get(0);
			assertThat(sent.body().path("entityId").asString()).isEqualTo(String.valueOf(FIRST_ID_OF_B));
			assertThat(sent.attributes()).containsEntry("publisher", "fx-shared-missing-b");
			assertThat(jdbc.queryForObject("select count(*) from eventbus_outbox where published_at is null", Long.class))
				.isZero();
		}
	}

	/**
	 * The application's listener got each of its events once and nothing else; its topic sent
	 * exactly those events, each with the {@code publisher} attribute equal to the body's.
	 */
	private static void assertOwnEventsOnly(BookingListener listener, TopicTap tap, String application,
			Set<String> entityIds, JdbcTemplate jdbc) {
		Set<String> eventIds = new HashSet<>(jdbc.queryForList(
				"select cast(event_id as varchar) from eventbus_outbox where publisher = ? and topic = ?",
				String.class, application, application + "-Booking"));
		assertThat(eventIds).as("outbox rows recorded with %s's topic and name", application)
			.hasSize(entityIds.size());

		List<Delivery> received = listener.received();
		assertThat(received).as("each event once").hasSize(entityIds.size());
		assertThat(received).extracting(Delivery::entityId)
			.as("%s's listener gets exactly %s's entities", application, application)
			.containsExactlyInAnyOrderElementsOf(entityIds);
		assertThat(received).extracting(Delivery::eventId)
			.containsExactlyInAnyOrderElementsOf(eventIds);
		assertThat(received).extracting(Delivery::publisher).containsOnly(application);

		List<TopicTap.Notification> sent = tap.poll();
		assertThat(sent).hasSize(entityIds.size());
		assertThat(sent).allSatisfy((notification) -> {
			assertThat(notification.topicArn()).endsWith(":" + application + "-Booking");
			assertThat(notification.body().path("publisher").asString()).isEqualTo(application);
			assertThat(notification.attributes()).containsEntry("publisher", application)
				.containsEntry("channel", "Booking")
				.containsEntry("eventId", notification.body().path("eventId").asString());
		});
		assertThat(sent.stream().map((notification) -> notification.body().path("entityId").asString()))
			.containsExactlyInAnyOrderElementsOf(entityIds);
	}

	private static Map<String, String> properties(FauxqsEmulator emulator, String schema, String application) {
		return TestApps.properties(emulator, TestSchema.url(schema), application);
	}

	private static TopicTap tap(ConfigurableApplicationContext context, String topic, String queue) {
		return TopicTap.subscribe(context.getBean(SnsClient.class), context.getBean(SqsAsyncClient.class), topic,
				queue);
	}

	private static void save(ConfigurableApplicationContext context, long firstId, int count) {
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		EntityManager entityManager = context.getBean(EntityManager.class);
		for (long start = firstId; start < firstId + count; start += PER_TRANSACTION) {
			long from = start;
			tx.executeWithoutResult((status) -> {
				for (long id = from; id < Math.min(from + PER_TRANSACTION, firstId + count); id++) {
					entityManager.persist(new Booking(id, "guest-" + id));
				}
			});
		}
	}

	private static Set<String> ids(long first, int count) {
		return LongStream.range(first, first + count).mapToObj(Long::toString).collect(Collectors.toSet());
	}

}
