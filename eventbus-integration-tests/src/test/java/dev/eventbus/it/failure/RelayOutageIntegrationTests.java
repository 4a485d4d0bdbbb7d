package dev.eventbus.it.failure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.Delivery;
import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.outage.OutageApp;
import dev.eventbus.failure.outage.Parcel;
import dev.eventbus.failure.outage.ParcelListener;
import dev.eventbus.test.FauxqsEmulator;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3, broker outage: with SNS/SQS down, commits still succeed, their events wait in the
 * outbox with the failure recorded, the relay backs off with a single WARN, and once the broker
 * is back every event is delivered, once to an idempotent listener, and one INFO says so. Runs
 * its own emulator (with a data directory, so topics, queues and subscriptions survive the
 * restart).
 */
@ExtendWith(OutputCaptureExtension.class)
class RelayOutageIntegrationTests {

	private static final int EVENTS = 1_000;

	private static final int PER_TRANSACTION = 100;

	@TempDir
	Path dataDir;

	@Test
	void eventsCommittedWhileTheBrokerIsDownWaitInTheOutboxAndAreAllDeliveredWhenItIsBack(CapturedOutput output) {
		FauxqsEmulator emulator = FauxqsEmulator.start(this.dataDir);
		Map<String, String> properties = TestApps.properties(emulator, TestSchema.fresh("fx_outage"), "fx-outage");
		properties.put("eventbus.outbox.retry-delay", "200ms");
		properties.put("eventbus.outbox.max-retry-delay", "2s");
		try (ConfigurableApplicationContext context = TestApps.run(OutageApp.class, properties)) {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			EntityManager entityManager = context.getBean(EntityManager.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			ParcelListener listener = context.getBean(ParcelListener.class);
			int outputBefore = output.getAll().length();

			emulator.stop();
			for (int round = 0; round < EVENTS / PER_TRANSACTION; round++) {
				long first = (long) round * PER_TRANSACTION + 1;
				tx.executeWithoutResult((status) -> {
					for (long id = first; id < first + PER_TRANSACTION; id++) {
						entityManager.persist(new Parcel(id, "city-" + id));
					}
				});
			}
			assertThat(count(jdbc, "select count(*) from fx_outage_parcel")).isEqualTo(EVENTS);
			assertThat(count(jdbc, "select count(*) from eventbus_outbox where published_at is null"))
				.isEqualTo(EVENTS);
			// the relay keeps retrying with back-off: three failed rounds at least, each recorded on its rows
			await().atMost(Duration.ofSeconds(20))
				.until(() -> count(jdbc, "select coalesce(max(attempts), 0) from eventbus_outbox") >= 3);
			// during an outage the relay probes with the oldest batch (up to batch-size rows); the other rows wait
			// untouched (attempts 0) until the broker answers again
			assertThat(count(jdbc, "select count(*) from eventbus_outbox where attempts > 0"))
				.isGreaterThanOrEqualTo(100);
			assertThat(count(jdbc, "select count(*) from eventbus_outbox where attempts > 0 and "
					+ "(last_error is null or last_error = '')")).isZero();
			assertThat(jdbc.queryForList("select distinct last_error from eventbus_outbox where attempts > 0",
					String.class))
				.allSatisfy((error) -> assertThat(error).contains(emulator.endpoint()));
			assertThat(count(jdbc, "select count(*) from eventbus_outbox where published_at is null"))
				.isEqualTo(EVENTS);
			assertThat(relayLines(output, outputBefore, "WARN")).as("WARNs of the relay during the outage")
				.hasSize(1)
				.allSatisfy((line) -> assertThat(line).contains("eventbus cannot publish"));

			emulator.restart();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> listener.deliveries().distinct(Delivery::entityId).size() >= EVENTS);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> count(jdbc, "select count(*) from eventbus_outbox where published_at is null") == 0);

			assertThat(listener.deliveries().distinct(Delivery::entityId)).hasSize(EVENTS);
			assertThat(listener.deliveries().distinct(Delivery::eventId)).hasSize(EVENTS);
			assertThat(listener.deliveries().count()).as("the idempotent listener handles each event once")
				.isEqualTo(EVENTS);
			assertThat(count(jdbc, "select count(*) from eventbus_inbox where listener_id = 'parcelListener-parcels'"))
				.isEqualTo(EVENTS);
			assertThat(count(jdbc, "select count(*) from eventbus_outbox where published_at is not null"))
				.isEqualTo(EVENTS);
			assertThat(relayLines(output, outputBefore, "INFO")).as("INFO of the relay on recovery")
				.anySatisfy((line) -> assertThat(line).contains("eventbus publishing again after"));
			assertThat(relayLines(output, outputBefore, "WARN")).as("WARNs of the relay, outage and recovery")
				.hasSize(1);
		}
		finally {
			emulator.stop();
		}
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		Long count = jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	private static java.util.List<String> relayLines(CapturedOutput output, int from, String level) {
		return output.getAll()
			.substring(from)
			.lines()
			.filter((line) -> line.contains(" " + level + " ") && line.contains("dev.eventbus.outbox.OutboxRelay"))
			.toList();
	}

}
