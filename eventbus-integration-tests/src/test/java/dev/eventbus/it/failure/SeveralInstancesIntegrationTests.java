package dev.eventbus.it.failure;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.Delivery;
import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.TopicTap;
import dev.eventbus.failure.instances.InstancesApp;
import dev.eventbus.failure.instances.Ticket;
import dev.eventbus.failure.instances.TicketListeners;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3, several instances: two instances of one application (same name, same topics and
 * queues, same database) commit at the same time; both relays relay from the one outbox (each the
 * partitions it leases) and both consume from the shared queues, yet every event is published
 * once (a queue of the test's own on the topic counts the notifications), the idempotent listener
 * handles each event once and the plain one gets every event, once on fauxqs.
 * {@link SeveralInstancesMotoIntegrationTests} runs the same test against moto, where the plain
 * listener is held to "at least once", as the guarantees say of standard queues: moto's
 * {@code ReceiveMessage} takes a visible message without a lock, so two instances polling at the
 * same moment can both receive it (seen once in 500 events). The inbox turns that into one call.
 */
@EnableFauxqs
class SeveralInstancesIntegrationTests {

	private static final int EVENTS = 500;

	private static final int PER_TRANSACTION = 10;

	/**
	 * The Spring properties of the SNS/SQS endpoint the test runs against.
	 * @return the properties
	 */
	Map<String, String> endpoint() {
		return FauxqsEmulator.shared().springProperties();
	}

	/**
	 * Whether the endpoint hands a message to one receiver at a time, so that a plain listener too
	 * is called once per event unless eventbus itself delivers twice.
	 * @return {@code true} for fauxqs
	 */
	boolean receivesEachMessageOnce() {
		return true;
	}

	@Test
	void twoInstancesPublishEachEventOnceAndTheIdempotentListenerHandlesItOnce() {
		Map<String, String> properties = TestApps.properties(endpoint(), TestSchema.fresh("fx_instances"), "fx-instances");
		properties.put("spring.jpa.hibernate.ddl-auto", "create");
		try (ConfigurableApplicationContext first = TestApps.run(InstancesApp.class, properties)) {
			properties.put("spring.jpa.hibernate.ddl-auto", "none");
			try (ConfigurableApplicationContext second = TestApps.run(InstancesApp.class, properties)) {
				TopicTap tap = TopicTap.subscribe(first.getBean(SnsClient.class), first.getBean(SqsAsyncClient.class),
						"fx-instances-Ticket", "fx-instances-tap");
				CompletableFuture<Void> firstSaves = CompletableFuture.runAsync(() -> save(first, 1));
				CompletableFuture<Void> secondSaves = CompletableFuture.runAsync(() -> save(second, EVENTS / 2 + 1));
				CompletableFuture.allOf(firstSaves, secondSaves).join();

				List<TicketListeners> instances = List.of(first.getBean(TicketListeners.class),
						second.getBean(TicketListeners.class));
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> eventIds(instances, TicketListeners::audit).size() >= EVENTS
							&& eventIds(instances, TicketListeners::billing).size() >= EVENTS);
				JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> jdbc.queryForObject("select count(*) from eventbus_outbox where published_at is null",
							Long.class) == 0);

				Set<String> outbox = new HashSet<>(
						jdbc.queryForList("select cast(event_id as varchar) from eventbus_outbox", String.class));
				assertThat(outbox).hasSize(EVENTS);
				assertThat(jdbc.queryForObject("select count(*) from eventbus_outbox where attempts > 0", Long.class))
					.as("no publish failed, so none was retried")
					.isZero();
				List<TopicTap.Notification> published = await().atMost(Duration.ofSeconds(30))
					.until(tap::poll, (sent) -> sent.size() >= EVENTS);
				assertThat(published).as("notifications on the topic: each event published once").hasSize(EVENTS);
				assertThat(published.stream().map((sent) -> sent.body().path("eventId").asString()))
					.containsExactlyInAnyOrderElementsOf(outbox);
				assertThat(eventIds(instances, TicketListeners::audit)).isEqualTo(outbox);
				assertThat(instances.stream().mapToInt((instance) -> instance.audit().count()).sum())
					.as("calls of the idempotent listener over both instances: each event once")
					.isEqualTo(EVENTS);
				assertThat(eventIds(instances, TicketListeners::billing)).isEqualTo(outbox);
				int plainCalls = instances.stream().mapToInt((instance) -> instance.billing().count()).sum();
				if (receivesEachMessageOnce()) {
					assertThat(plainCalls).as("calls of the plain listener over both instances: each event once")
						.isEqualTo(EVENTS);
				}
				else {
					assertThat(plainCalls).as("calls of the plain listener over both instances: each event at least once")
						.isGreaterThanOrEqualTo(EVENTS);
				}
				assertThat(instances).as("both instances consume (competing consumers on the shared queues)")
					.allSatisfy((instance) -> assertThat(instance.audit().count() + instance.billing().count())
						.isPositive());
			}
		}
	}

	private static void save(ConfigurableApplicationContext context, long firstId) {
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		EntityManager entityManager = context.getBean(EntityManager.class);
		for (long start = firstId; start < firstId + EVENTS / 2; start += PER_TRANSACTION) {
			long from = start;
			tx.executeWithoutResult((status) -> {
				for (long id = from; id < from + PER_TRANSACTION; id++) {
					entityManager.persist(new Ticket(id, "seat-" + id));
				}
			});
		}
	}

	private static Set<String> eventIds(List<TicketListeners> instances,
			Function<TicketListeners, Deliveries<Delivery>> listener) {
		Set<String> ids = new HashSet<>();
		instances.forEach((instance) -> ids.addAll(listener.apply(instance).distinct(Delivery::eventId)));
		return ids;
	}

}
