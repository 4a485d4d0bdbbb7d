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
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3, database trouble in the relay: when the relay cannot read the outbox (here the table
 * is renamed away for a few seconds, as during a fail-over) it logs one WARN, however often it
 * retries, one INFO when the table is back, and relays again.
 */
@EnableFauxqs
@ExtendWith(OutputCaptureExtension.class)
class RelayDatabaseOutageIntegrationTests {

	@Test
	void relayThatCannotReadTheOutboxLogsOneWarningAndRecovers(FauxqsEmulator emulator, CapturedOutput output) {
		Map<String, String> properties = TestApps.properties(emulator, TestSchema.fresh("fx_dbout"), "fx-dbout");
		properties.put("eventbus.outbox.retry-delay", "200ms");
		properties.put("eventbus.outbox.max-retry-delay", "1s");
		try (ConfigurableApplicationContext context = TestApps.run(OutageApp.class, properties)) {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			EntityManager entityManager = context.getBean(EntityManager.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			ParcelListener listener = context.getBean(ParcelListener.class);
			tx.executeWithoutResult((status) -> entityManager.persist(new Parcel(1L, "before")));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> listener.deliveries().distinct(Delivery::entityId).contains("1"));
			int start = output.getAll().length();

			jdbc.execute("alter table eventbus_outbox rename to eventbus_outbox_away");
			await("the relay's WARN on the missing outbox table").atMost(Duration.ofSeconds(10))
				.until(() -> relayWarnings(output, start).size() == 1);
			// the relay keeps failing (every 200 ms at first) while the table is away: still no second WARN
			await("no second WARN while the outage lasts").during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(3))
				.until(() -> relayWarnings(output, start).size() == 1);
			jdbc.execute("alter table eventbus_outbox_away rename to eventbus_outbox");
			tx.executeWithoutResult((status) -> entityManager.persist(new Parcel(2L, "after")));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> listener.deliveries().distinct(Delivery::entityId).contains("2"));
			await("the relay's INFO on recovery").atMost(Duration.ofSeconds(10))
				.until(() -> relayLines(output, start, " INFO ").stream()
					.anyMatch((line) -> line.contains("eventbus can use the outbox table again after")));

			assertThat(relayWarnings(output, start)).as("relay WARNs from the outage to the recovery")
				.singleElement()
				.satisfies((line) -> assertThat(line).contains("eventbus cannot use the outbox table"));
		}
	}

	private static List<String> relayWarnings(CapturedOutput output, int from) {
		return relayLines(output, from, " WARN ");
	}

	private static List<String> relayLines(CapturedOutput output, int from, String level) {
		return output.getAll()
			.substring(from)
			.lines()
			.filter((line) -> line.contains(level) && line.contains("dev.eventbus.outbox"))
			.toList();
	}

}
