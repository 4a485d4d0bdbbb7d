package dev.eventbus.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: the backlog per channel, from one query over the unpublished rows of the real
 * schema (H2).
 */
final class OutboxBacklogTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private final DataSource dataSource = new DriverManagerDataSource(
			"jdbc:h2:mem:backlog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

	private final JdbcOutboxStore store = new JdbcOutboxStore(this.dataSource, "h2");

	private final OutboxBacklog backlog = new OutboxBacklog(this.dataSource, new MutableClock(NOW));

	@BeforeEach
	void schema() {
		new ResourceDatabasePopulator(new ClassPathResource("dev/eventbus/schema-h2.sql")).execute(this.dataSource);
	}

	@Test
	void countsUnpublishedAndFailingRowsPerChannelWithTheOldestAge() throws SQLException {
		append(event("Order", "1", NOW.minus(Duration.ofMinutes(5))), event("Order", "2", NOW.minusSeconds(30)),
				event("Order", "3", NOW.minusSeconds(10)), event("Payment", "1", NOW.minusSeconds(20)));
		List<PendingEvent> rows = this.store.unpublished(
				IntStream.range(0, Partitions.COUNT).boxed().collect(Collectors.toSet()), 0, 100);
		PendingEvent published = rows.stream().filter((row) -> "1".equals(row.entityId()) && "Order".equals(row.channel()))
			.findFirst()
			.orElseThrow();
		this.store.markPublished(List.of(published), NOW);
		PendingEvent failing = rows.stream().filter((row) -> "3".equals(row.entityId())).findFirst().orElseThrow();
		this.store.markFailed(failing, "topic not found", NOW.plusSeconds(60));

		OutboxBacklog.Snapshot snapshot = this.backlog.read();

		assertThat(snapshot.takenAt()).isEqualTo(NOW);
		assertThat(snapshot.channels()).containsOnlyKeys("Order", "Payment");
		assertThat(snapshot.channel("Order")).isEqualTo(new OutboxBacklog.Channel(2, 1, NOW.minusSeconds(30)));
		assertThat(snapshot.channel("Payment").pending()).isEqualTo(1);
		assertThat(snapshot.channel("Payment").failing()).isZero();
		assertThat(snapshot.channel("Invoice")).isEqualTo(OutboxBacklog.Channel.EMPTY);
		assertThat(snapshot.pending()).isEqualTo(3);
		assertThat(snapshot.failing()).isEqualTo(1);
		assertThat(snapshot.oldestAge()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void anEmptyOutboxHasNoChannelsAndNoAge() {
		OutboxBacklog.Snapshot snapshot = this.backlog.read();
		assertThat(snapshot.channels()).isEmpty();
		assertThat(snapshot.oldestAge()).isZero();
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("select count(*) from eventbus_outbox", Long.class))
			.isZero();
	}

	private void append(OutboxEvent... events) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			this.store.append(connection, List.of(events));
		}
	}

	private static OutboxEvent event(String channel, String id, Instant at) {
		return new OutboxEvent(UUID.randomUUID(), channel, "created", id, "app-" + channel, "app", "{}", at);
	}

}
