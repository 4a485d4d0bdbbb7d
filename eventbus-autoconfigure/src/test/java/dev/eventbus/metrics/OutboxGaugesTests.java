package dev.eventbus.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import dev.eventbus.outbox.JdbcOutboxStore;
import dev.eventbus.outbox.OutboxBacklog;
import dev.eventbus.outbox.OutboxEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10: the outbox gauges between reads: a published channel has gauges before it has rows,
 * a read that fails keeps the last values with one WARN (and one INFO when reads work again).
 */
@ExtendWith(OutputCaptureExtension.class)
class OutboxGaugesTests {

	private final DataSource dataSource = new DriverManagerDataSource(
			"jdbc:h2:mem:gauges-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

	/** Counts the gauges' reads (one connection each). */
	private final AtomicInteger reads = new AtomicInteger();

	private final DataSource counted = new DelegatingDataSource(this.dataSource) {
		@Override
		public Connection getConnection() throws SQLException {
			OutboxGaugesTests.this.reads.incrementAndGet();
			return super.getConnection();
		}
	};

	private final JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final OutboxGauges gauges = new OutboxGauges(new OutboxBacklog(this.counted, Clock.systemUTC()),
			this.registry, Duration.ofMillis(50), () -> Set.of("Invoice"));

	@BeforeEach
	void schema() {
		new ResourceDatabasePopulator(new ClassPathResource("dev/eventbus/schema-h2.sql")).execute(this.dataSource);
	}

	@AfterEach
	void stop() {
		this.gauges.stop();
	}

	@Test
	void aFailedReadKeepsTheLastValuesWithOneWarningUntilReadsWorkAgain(CapturedOutput output) throws SQLException {
		int start = output.getAll().length();
		append("Order", "1");
		append("Order", "2");
		this.gauges.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> pending("Order") == 2);
		assertThat(pending("Invoice")).as("a published channel without rows").isZero();
		this.jdbc.execute("alter table eventbus_outbox rename to eventbus_outbox_away");
		await().atMost(Duration.ofSeconds(5)).until(() -> warnings(output, start) > 0);
		long warned = warnings(output, start);
		int failedSoFar = this.reads.get();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.reads.get() >= failedSoFar + 5);
		assertThat(pending("Order")).as("the last value read").isEqualTo(2);
		assertThat(warnings(output, start)).as("no further WARN for five more failed reads").isEqualTo(warned);

		this.jdbc.execute("alter table eventbus_outbox_away rename to eventbus_outbox");
		this.jdbc.update("update eventbus_outbox set published_at = current_timestamp");
		await().atMost(Duration.ofSeconds(5)).until(() -> pending("Order") == 0);
		assertThat(output.getAll().substring(start)).contains("eventbus can read the outbox backlog for its gauges again");
		assertThat(warnings(output, start)).isEqualTo(warned);
	}

	@Test
	void gaugesShowNaNBeforeTheFirstRead() {
		this.jdbc.execute("drop table eventbus_outbox");
		this.gauges.start();
		assertThat(this.registry.get("eventbus.outbox.pending").tag("channel", "Invoice").gauge().value()).isNaN();
		assertThat(this.gauges.latest()).isNull();
	}

	private double pending(String channel) {
		return this.registry.get("eventbus.outbox.pending").tag("channel", channel).gauge().value();
	}

	/** The gauges' WARNs since {@code start} (the output of earlier tests of the class is kept). */
	private static long warnings(CapturedOutput output, int start) {
		return output.getAll()
			.substring(start)
			.lines()
			.filter((line) -> line.contains("WARN") && line.contains("outbox backlog"))
			.count();
	}

	private void append(String channel, String id) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			new JdbcOutboxStore(this.dataSource, "h2").append(connection, List.of(new OutboxEvent(UUID.randomUUID(),
					channel, "created", id, "app-" + channel, "app", "{}", Instant.now())));
		}
	}

}
