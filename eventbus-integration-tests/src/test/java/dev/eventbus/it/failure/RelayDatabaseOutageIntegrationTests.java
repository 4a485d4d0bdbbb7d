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
 * is renamed away for a few seconds, as during a fail-over) it must not flood the log, and it
 * must relay again once the table is back.
 */
@EnableFauxqs
@ExtendWith(OutputCaptureExtension.class)
class RelayDatabaseOutageIntegrationTests {

	@Test
	void relayThatCannotReadTheOutboxLogsOneWarningAndRecovers(FauxqsEmulator emulator, CapturedOutput output) {
		Map<String, String> properties = TestApps.baseProperties(emulator, TestSchema.fresh("fx_dbout"));
		properties.put("spring.application.name", "fx-dbout");
		properties.put("eventbus.publish.topic-prefix", "fx-dbout-");
		try (ConfigurableApplicationContext context = TestApps.run(OutageApp.class, properties)) {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			EntityManager entityManager = context.getBean(EntityManager.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			ParcelListener listener = context.getBean(ParcelListener.class);
			tx.executeWithoutResult((status) -> entityManager.persist(new Parcel(1L, "before")));
			await().atMost(Duration.ofSeconds(30)).until(() -> listener.deliveries().entityIds().contains("1"));
			int start = output.getAll().length();

			jdbc.execute("alter table eventbus_outbox rename to eventbus_outbox_away");
			await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
			jdbc.execute("alter table eventbus_outbox_away rename to eventbus_outbox");
			tx.executeWithoutResult((status) -> entityManager.persist(new Parcel(2L, "after")));
			await().atMost(Duration.ofSeconds(30)).until(() -> listener.deliveries().entityIds().contains("2"));

			List<String> warnings = output.getAll()
				.substring(start)
				.lines()
				.filter((line) -> line.contains(" WARN ") && line.contains("dev.eventbus.outbox"))
				.toList();
			assertThat(warnings).as("relay WARNs in 3 s of outbox trouble").hasSizeLessThanOrEqualTo(1);
		}
	}

}
