package dev.eventbus.it.failure;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.instances.InstancesApp;
import dev.eventbus.outbox.JdbcRelayLeases;
import dev.eventbus.outbox.Partitions;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8, several instances, order: one relay at a time relays a partition of the outbox (all
 * events of an entity are in one partition), so a relay never sends an entity's event while
 * another relay sends an earlier one. Leases are taken with one conditional update, expire when
 * their relay dies, and relays that run side by side split the partitions between them.
 */
@EnableFauxqs
class OutboxPartitionLeaseIntegrationTests {

	@Test
	void aPartitionLeaseIsHeldByOneRelayAtATimeAndCanBeTakenOverOnlyOnceExpiredOrGivenBack() {
		DataSource dataSource = schema("fx_lease");
		JdbcRelayLeases leases = new JdbcRelayLeases(dataSource);
		leases.createPartitions(Partitions.COUNT);
		leases.createPartitions(Partitions.COUNT);
		Instant now = leases.now();
		assertThat(leases.free(now)).hasSize(Partitions.COUNT);

		assertThat(leases.take(3, "relay-a", now, now.plusSeconds(10))).isTrue();
		assertThat(leases.take(3, "relay-b", now, now.plusSeconds(10))).as("held by relay-a").isFalse();
		assertThat(leases.renew("relay-b", now, now.plusSeconds(10))).isEmpty();
		assertThat(leases.renew("relay-a", now, now.plusSeconds(20))).containsExactly(3);
		assertThat(leases.free(now)).doesNotContain(3).hasSize(Partitions.COUNT - 1);

		Instant later = now.plusSeconds(21);
		assertThat(leases.free(later)).as("relay-a stopped renewing").contains(3);
		assertThat(leases.take(3, "relay-b", later, later.plusSeconds(10))).isTrue();
		assertThat(leases.renew("relay-a", later, later.plusSeconds(10))).as("an expired lease is not renewed")
			.isEmpty();

		leases.giveBack("relay-a", Set.of(3));
		assertThat(leases.free(later)).as("only the holder gives a lease back").doesNotContain(3);
		leases.giveBack("relay-b", Set.of(3));
		assertThat(leases.free(later)).contains(3);
	}

	@Test
	void relaysRunningSideBySideSplitThePartitionsAndTheSurvivorTakesThemAll(FauxqsEmulator emulator) {
		String url = TestSchema.fresh("fx_lease_split");
		Map<String, String> properties = TestApps.properties(emulator, url, "fx-lease");
		properties.put("eventbus.consume.enabled", "false");
		properties.put("eventbus.outbox.lease-duration", "2s");
		JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestSchema.USER, ""));
		try (ConfigurableApplicationContext first = TestApps.run(InstancesApp.class, properties)) {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(holders(jdbc)).hasSize(1)
					.allSatisfy((owner, count) -> assertThat(count).isEqualTo(Partitions.COUNT)));
			try (ConfigurableApplicationContext second = TestApps.run(InstancesApp.class, properties)) {
				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(holders(jdbc)).as("partitions held per relay")
						.hasSize(2)
						.allSatisfy((owner, count) -> assertThat(count).isEqualTo(Partitions.COUNT / 2)));
				assertThat(jdbc.queryForObject("select count(*) from eventbus_outbox_lease", Long.class))
					.isEqualTo(Partitions.COUNT);
			}
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(holders(jdbc)).as("after the second relay stopped")
					.hasSize(1)
					.allSatisfy((owner, count) -> assertThat(count).isEqualTo(Partitions.COUNT)));
		}
		assertThat(holders(jdbc)).as("a relay that stops gives its leases back").isEmpty();
	}

	/** Unexpired leases per owner. */
	private static Map<String, Long> holders(JdbcTemplate jdbc) {
		Map<String, Long> holders = new HashMap<>();
		List<Map<String, Object>> rows = jdbc.queryForList("select owner, count(*) as held from eventbus_outbox_lease"
				+ " where owner is not null and expires_at > current_timestamp group by owner");
		for (Map<String, Object> row : rows) {
			holders.put((String) row.get("owner"), ((Number) row.get("held")).longValue());
		}
		return holders;
	}

	private static DataSource schema(String name) {
		DataSource dataSource = new DriverManagerDataSource(TestSchema.fresh(name), TestSchema.USER, "");
		new ResourceDatabasePopulator(new ClassPathResource("dev/eventbus/schema-postgresql.sql")).execute(dataSource);
		return dataSource;
	}

}
