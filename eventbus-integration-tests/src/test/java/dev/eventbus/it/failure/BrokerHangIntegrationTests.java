package dev.eventbus.it.failure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * Issue 7, item 3: a broker that hangs is noticed. The emulator process is suspended (SIGSTOP)
 * for 20 s: it accepts connections and answers nothing. With the call timeouts eventbus sets on
 * the SNS and SQS clients, the relay's publish fails within the timeout, the relay logs its one
 * outage WARN and records the attempt on the rows, and once the process resumes (SIGCONT) every
 * event is delivered and one INFO says so. Runs its own emulator so that no other test freezes.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrokerHangIntegrationTests {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration HANG = Duration.ofSeconds(20);

	private static final int EVENTS = 50;

	@Test
	void relayNoticesAHangingBrokerWithinTheCallTimeoutAndDeliversEverythingOnceItAnswers(CapturedOutput output) {
		FauxqsEmulator emulator = FauxqsEmulator.start();
		Map<String, String> properties = TestApps.properties(emulator, TestSchema.fresh("fx_hang"), "fx-hang");
		properties.put("eventbus.outbox.retry-delay", "200ms");
		properties.put("eventbus.outbox.max-retry-delay", "2s");
		properties.put("eventbus.aws.api-call-timeout", CALL_TIMEOUT.toMillis() + "ms");
		properties.put("eventbus.aws.api-call-attempt-timeout", "1s");
		try (ConfigurableApplicationContext context = TestApps.run(OutageApp.class, properties)) {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			EntityManager entityManager = context.getBean(EntityManager.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			ParcelListener listener = context.getBean(ParcelListener.class);
			tx.executeWithoutResult((status) -> entityManager.persist(new Parcel(0L, "before")));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> listener.deliveries().distinct(Delivery::entityId).contains("0"));
			int start = output.getAll().length();

			emulator.suspend();
			long suspended = System.nanoTime();
			try {
				tx.executeWithoutResult((status) -> {
					for (long id = 1; id <= EVENTS; id++) {
						entityManager.persist(new Parcel(id, "city-" + id));
					}
				});
				long committed = System.nanoTime();
				await().atMost(CALL_TIMEOUT.plusSeconds(5))
					.pollInterval(Duration.ofMillis(50))
					.until(() -> relayLines(output, start, "WARN").size() == 1);
				Duration noticed = Duration.ofNanos(System.nanoTime() - committed);
				System.out.println("eventbus test: the relay noticed the hang " + noticed + " after the commit");
				assertThat(noticed).as("time to the relay's WARN").isLessThan(CALL_TIMEOUT.plusSeconds(2));
				assertThat(relayLines(output, start, "WARN").get(0)).contains("eventbus cannot publish");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> count(jdbc, "select coalesce(max(attempts), 0) from eventbus_outbox") > 0);
				assertThat(jdbc.queryForList("select distinct last_error from eventbus_outbox where attempts > 0",
						String.class))
					.isNotEmpty()
					.allSatisfy((error) -> assertThat(error).containsIgnoringCase("timeout"));

				// the rest of the hang: the relay keeps retrying quietly, nothing is published
				Duration rest = HANG.minus(Duration.ofNanos(System.nanoTime() - suspended));
				await().during(rest)
					.atMost(rest.plusSeconds(5))
					.pollInterval(Duration.ofSeconds(1))
					.until(() -> relayLines(output, start, "WARN").size() == 1 && count(jdbc,
							"select count(*) from eventbus_outbox where published_at is null") == EVENTS);
			}
			finally {
				emulator.resume();
			}

			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> listener.deliveries().distinct(Delivery::entityId).size() == EVENTS + 1);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> count(jdbc, "select count(*) from eventbus_outbox where published_at is null") == 0);
			assertThat(listener.deliveries().count()).as("the idempotent listener handles each event once")
				.isEqualTo(EVENTS + 1);
			assertThat(relayLines(output, start, "INFO")).as("INFO of the relay on recovery")
				.singleElement()
				.satisfies((line) -> assertThat(line).contains("eventbus publishing again after"));
			assertThat(relayLines(output, start, "WARN")).as("WARNs of the relay, hang and recovery").hasSize(1);
			long pollErrors = output.getAll()
				.substring(start)
				.lines()
				.filter((line) -> line.contains(" ERROR ") && line.contains("Error polling for messages"))
				.count();
			System.out.println("eventbus test: Spring Cloud AWS logged " + pollErrors + " failed polls during the hang");
		}
		finally {
			emulator.stop();
		}
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		Long count = jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	private static List<String> relayLines(CapturedOutput output, int from, String level) {
		return output.getAll()
			.substring(from)
			.lines()
			.filter((line) -> line.contains(" " + level + " ") && line.contains("dev.eventbus.outbox.OutboxRelay"))
			.toList();
	}

}
