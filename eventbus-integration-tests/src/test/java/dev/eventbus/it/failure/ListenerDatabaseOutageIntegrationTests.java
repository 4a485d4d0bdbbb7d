package dev.eventbus.it.failure;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.consume.ConsumptionBreaker;
import dev.eventbus.consume.ConsumptionBreakers;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.consume.OutageCause;
import dev.eventbus.failure.Delivery;
import dev.eventbus.failure.Messages;
import dev.eventbus.failure.PrivatePostgres;
import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.dbstop.consumer.ConsumerApp;
import dev.eventbus.failure.dbstop.consumer.ShipmentListeners;
import dev.eventbus.failure.dbstop.publisher.PublisherApp;
import dev.eventbus.failure.dbstop.publisher.Shipment;
import dev.eventbus.provision.ListenerQueue;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import dev.eventbus.test.Queues;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, item 2: a transient outage of what a listener needs never sends messages to the
 * dead-letter queue. A publishing service (its outbox on the shared PostgreSQL) commits a steady
 * stream of events; a consuming service, whose database is a private PostgreSQL cluster, handles
 * them with an idempotent listener and a plain one, both writing to that database. The cluster is
 * stopped for 60 s under load: the database breaker opens (one WARN), the listeners stop
 * receiving, and after the restart every event is handled, nothing is in a dead-letter queue and
 * one INFO says consumption resumed. The idempotent listener's {@code eventbus.listener.paused} is 1
 * during the outage and 0 after it, with one pause counted (issue 10).
 */
@EnableFauxqs
@ExtendWith(OutputCaptureExtension.class)
class ListenerDatabaseOutageIntegrationTests {

	private static final Duration OUTAGE = Duration.ofSeconds(60);

	@Test
	void listenersPauseWhileTheirDatabaseIsDownAndHandleEverythingAfterwardsWithNothingDeadLettered(
			FauxqsEmulator emulator, CapturedOutput output) throws InterruptedException {
		try (PrivatePostgres database = PrivatePostgres.start()) {
			createTables(database);
			Map<String, String> publisherProperties = TestApps.baseProperties(emulator, TestSchema.fresh("fx_dbstop"));
			publisherProperties.put("spring.application.name", "fx-dbstop-publisher");
			publisherProperties.put("eventbus.publish.topic-prefix", "fx-dbstop-");
			publisherProperties.put("eventbus.consume.enabled", "false");
			Map<String, String> consumerProperties = TestApps.baseProperties(emulator, database.jdbcUrl());
			consumerProperties.put("spring.application.name", "fx-dbstop-consumer");
			consumerProperties.put("eventbus.publish.topic-prefix", "fx-dbstop-");
			// a consumer-only service: no relay polling its (empty) outbox
			consumerProperties.put("eventbus.outbox.relay-enabled", "false");
			consumerProperties.put("spring.datasource.hikari.connection-timeout", "2000");
			consumerProperties.put("eventbus.consume.outage.max-probe-delay", "5s");
			try (ConfigurableApplicationContext publisher = TestApps.run(PublisherApp.class, publisherProperties);
					ConfigurableApplicationContext consumer = TestApps.run(ConsumerApp.class, consumerProperties)) {
				run(database, publisher, consumer, output);
			}
		}
	}

	private void run(PrivatePostgres database, ConfigurableApplicationContext publisher,
			ConfigurableApplicationContext consumer, CapturedOutput output) throws InterruptedException {
		TransactionTemplate tx = publisher.getBean(TransactionTemplate.class);
		EntityManager entityManager = publisher.getBean(EntityManager.class);
		JdbcTemplate consumerJdbc = consumer.getBean(JdbcTemplate.class);
		ShipmentListeners listeners = consumer.getBean(ShipmentListeners.class);
		ConsumptionBreaker breaker = consumer.getBean(ConsumptionBreakers.class).breaker(OutageCause.DATABASE);
		SqsAsyncClient sqs = consumer.getBean(SqsAsyncClient.class);
		List<ListenerQueue> queues = consumer.getBean(ListenerContainers.class).queues();
		assertThat(queues).hasSize(2);

		Set<String> published = ConcurrentHashMap.newKeySet();
		AtomicLong ids = new AtomicLong();
		ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
		// a steady 40 events a second, one per transaction, for the whole test
		load.scheduleAtFixedRate(() -> {
			long id = ids.incrementAndGet();
			tx.executeWithoutResult((status) -> entityManager.persist(new Shipment(id, "carrier-" + id)));
			published.add(Long.toString(id));
		}, 0, 25, TimeUnit.MILLISECONDS);
		try {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> listeners.recorded().distinct(Delivery::entityId).size() >= 100);
			int start = output.getAll().length();

			long stopped = System.nanoTime();
			database.stopServer();
			await().atMost(Duration.ofSeconds(20)).until(() -> breaker.state() == ConsumptionBreaker.State.OPEN);
			assertThat(meter(consumer, "eventbus.listener.paused")).as("the idempotent listener, paused").isEqualTo(1);
			Duration rest = OUTAGE.minus(Duration.ofNanos(System.nanoTime() - stopped));
			// while the database is down consumption stays paused and no message reaches a dead-letter queue
			await().during(rest)
				.atMost(rest.plusSeconds(10))
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> breaker.state() != ConsumptionBreaker.State.CLOSED && deadLettered(sqs, queues) == 0);
			long eventsDuringOutage = published.size();

			database.startServer();
			long restarted = System.nanoTime();
			await().atMost(Duration.ofSeconds(30)).until(() -> breaker.state() == ConsumptionBreaker.State.CLOSED);
			assertThat(meter(consumer, "eventbus.listener.paused")).as("consuming again").isZero();
			assertThat(meter(consumer, "eventbus.listener.pauses")).as("one pause, however many trials failed")
				.isEqualTo(1);
			// a few more seconds of load after recovery, then everything must be handled soon
			await().atMost(Duration.ofSeconds(10)).until(() -> published.size() >= eventsDuringOutage + 100);
			load.shutdown();
			assertThat(load.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			Set<String> all = Set.copyOf(published);
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> distinct(consumerJdbc, "fx_dbstop_recorded").containsAll(all)
						&& distinct(consumerJdbc, "fx_dbstop_counted").containsAll(all));
			Duration catchUp = Duration.ofNanos(System.nanoTime() - restarted);
			System.out.println("eventbus test: " + all.size() + " events, " + eventsDuringOutage
					+ " published before the restart; all handled " + catchUp + " after it");

			assertThat(distinct(consumerJdbc, "fx_dbstop_recorded")).as("idempotent listener: none lost").isEqualTo(all);
			assertThat(count(consumerJdbc, "select count(*) from fx_dbstop_recorded"))
				.as("idempotent listener: each event committed once")
				.isEqualTo(all.size());
			assertThat(distinct(consumerJdbc, "fx_dbstop_counted")).as("plain listener: none lost").isEqualTo(all);
			assertThat(queues).allSatisfy((queue) -> assertThat(
					Messages.drain(sqs, queue.deadLetterQueueName(), 0, Duration.ofSeconds(2)))
				.as("dead letters of " + queue.queueName())
				.isEmpty());

			List<String> lines = output.getAll().substring(start).lines().toList();
			// the breaker's, and the outbox gauges' (issue 10: they read the consumer's outbox table every 30 s)
			assertThat(lines.stream().filter((line) -> isEventbus(line) && line.contains(" WARN ")))
				.as("eventbus WARNs of the outage")
				.hasSize(2)
				.anySatisfy((line) -> assertThat(line).contains("eventbus listeners that need the database pause"))
				.anySatisfy((line) -> assertThat(line).contains("eventbus cannot read the outbox backlog for its gauges"));
			assertThat(lines.stream().filter((line) -> line.contains("consume again after")))
				.as("INFO on recovery")
				.singleElement()
				.satisfies((line) -> assertThat(line).contains(" INFO "));
			assertThat(lines.stream().filter((line) -> isEventbus(line) && line.contains(" ERROR ")))
				.as("eventbus ERRORs")
				.isEmpty();
			assertThat(lines.stream()
				.filter((line) -> line.contains("io.awspring") && (line.contains(" ERROR ") || line.contains(" WARN "))))
				.as("Spring Cloud AWS errors for the failed deliveries")
				.isEmpty();
		}
		finally {
			load.shutdownNow();
		}
	}

	/** A meter of the idempotent listener. */
	private static double meter(ConfigurableApplicationContext consumer, String name) {
		MeterRegistry registry = consumer.getBean(MeterRegistry.class);
		return name.endsWith("pauses")
				? registry.get(name).tag("listener", "shipmentListeners-record").functionCounter().count()
				: registry.get(name).tag("listener", "shipmentListeners-record").gauge().value();
	}

	private static boolean isEventbus(String line) {
		return line.contains("dev.eventbus.") || line.contains(" d.e.");
	}

	private static long deadLettered(SqsAsyncClient sqs, List<ListenerQueue> queues) {
		return queues.stream()
			.mapToLong((queue) -> Queues.depth(sqs, Queues.url(sqs, queue.deadLetterQueueName())))
			.sum();
	}

	private static Set<String> distinct(JdbcTemplate jdbc, String table) {
		return new HashSet<>(jdbc.queryForList("select distinct entity_id::text from " + table, String.class));
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		Long count = jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	private static void createTables(PrivatePostgres database) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), "postgres", "");
		new ResourceDatabasePopulator(new ClassPathResource("dev/eventbus/schema-postgresql.sql")).execute(dataSource);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("create table fx_dbstop_recorded (event_id uuid primary key, entity_id bigint not null)");
		jdbc.execute("create table fx_dbstop_counted (event_id uuid not null, entity_id bigint not null)");
	}

}
