package dev.eventbus.it.failure;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.Delivery;
import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
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
 * queues, same database) commit at the same time; both relays claim from the one outbox with
 * {@code FOR UPDATE SKIP LOCKED} and both consume from the shared queues, yet every event is
 * published once and handled once per listener. {@link SeveralInstancesMotoIntegrationTests} runs
 * the same test against moto.
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

	@Test
	void twoInstancesPublishEachEventOnceAndHandleItOncePerListener() {
		Map<String, String> properties = TestApps.properties(endpoint(), TestSchema.fresh("fx_instances"), "fx-instances");
		properties.put("spring.jpa.hibernate.ddl-auto", "create");
		try (ConfigurableApplicationContext first = TestApps.run(InstancesApp.class, properties)) {
			properties.put("spring.jpa.hibernate.ddl-auto", "none");
			try (ConfigurableApplicationContext second = TestApps.run(InstancesApp.class, properties)) {
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
				List<Function<TicketListeners, Deliveries<Delivery>>> listeners = List.of(TicketListeners::audit,
						TicketListeners::billing);
				for (Function<TicketListeners, Deliveries<Delivery>> listener : listeners) {
					assertThat(eventIds(instances, listener)).isEqualTo(outbox);
					assertThat(instances.stream().mapToInt((instance) -> listener.apply(instance).count()).sum())
						.as("invocations over both instances: each event once")
						.isEqualTo(EVENTS);
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
