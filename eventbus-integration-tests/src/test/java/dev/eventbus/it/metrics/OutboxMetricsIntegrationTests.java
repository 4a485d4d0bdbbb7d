package dev.eventbus.it.metrics;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.RequiredSearch;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.outage.OutageApp;
import dev.eventbus.failure.outage.Parcel;
import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, item 1: {@code eventbus.captured} counts the events of committed transactions only,
 * and the outbox gauges follow a backlog on PostgreSQL: rows pending while the relay is stopped,
 * the oldest age growing, rows failing while their topic does not exist ({@code provision.mode=none}),
 * and 0 once the relay has published them.
 */
@EnableFauxqs
class OutboxMetricsIntegrationTests {

	private static final String APP = "fx-gauges";

	@Test
	void gaugesShowTheBacklogPerChannelAndCapturedCountsCommittedEventsOnly(FauxqsEmulator emulator) {
		Map<String, String> properties = TestApps.properties(emulator, TestSchema.fresh("fx_gauges"), APP);
		properties.put("eventbus.provision.mode", "none");
		properties.put("eventbus.consume.enabled", "false");
		properties.put("eventbus.metrics.outbox-interval", "200ms");
		properties.put("eventbus.outbox.retry-delay", "200ms");
		properties.put("eventbus.outbox.max-retry-delay", "1s");
		try (ConfigurableApplicationContext context = TestApps.run(OutageApp.class, properties)) {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			EntityManager entityManager = context.getBean(EntityManager.class);
			OutboxRelay relay = context.getBean(OutboxRelay.class);
			relay.stop();

			tx.executeWithoutResult((status) -> {
				for (long id = 1; id <= 3; id++) {
					entityManager.persist(new Parcel(id, "city-" + id));
				}
			});
			tx.executeWithoutResult((status) -> {
				entityManager.persist(new Parcel(10L, "rolled back"));
				entityManager.persist(new Parcel(11L, "rolled back"));
				entityManager.flush();
				status.setRollbackOnly();
			});
			assertThat(registry.get("eventbus.captured").tag("channel", "Parcel").tag("action", "created").counter().count())
				.as("the committed transaction's events, none of the rolled-back one")
				.isEqualTo(3);

			await().atMost(Duration.ofSeconds(10)).until(() -> gauge(registry, "eventbus.outbox.pending") == 3);
			assertThat(gauge(registry, "eventbus.outbox.failing")).isZero();
			await().atMost(Duration.ofSeconds(10)).until(() -> gauge(registry, "eventbus.outbox.oldest.age") > 0);
			double age = gauge(registry, "eventbus.outbox.oldest.age");
			await().atMost(Duration.ofSeconds(10)).until(() -> gauge(registry, "eventbus.outbox.oldest.age") >= age + 0.5);

			// the topic does not exist (none mode creates nothing): each publish fails and is recorded
			relay.start();
			await().atMost(Duration.ofSeconds(20)).until(() -> gauge(registry, "eventbus.outbox.failing") == 3);
			assertThat(gauge(registry, "eventbus.outbox.pending")).isEqualTo(3);

			context.getBean(SnsClient.class).createTopic((request) -> request.name(APP + "-Parcel"));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> gauge(registry, "eventbus.outbox.pending") == 0
						&& gauge(registry, "eventbus.outbox.failing") == 0
						&& gauge(registry, "eventbus.outbox.oldest.age") == 0);
			assertThat(registry.get("eventbus.outbox.pending").tag("channel", "Parcel").gauges())
				.as("the channel stays, at 0")
				.hasSize(1);
		}
	}

	private static double gauge(MeterRegistry registry, String name) {
		RequiredSearch search = registry.get(name).tag("channel", "Parcel");
		return name.endsWith(".age") ? search.timeGauge().value(java.util.concurrent.TimeUnit.SECONDS)
				: search.gauge().value();
	}

}
