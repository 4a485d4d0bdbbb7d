package dev.eventbus.capture;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.PublishEvents;
import dev.eventbus.message.EventMessage;
import dev.eventbus.message.EventMessageCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payload is the entity's state at the flush, not what the database stored: values the
 * column rounds are published as the entity held them (docs/how-it-works.md, "Payload rules").
 * And the version reaches listeners as the JSON form of its type gives it: a string for a
 * timestamp, an {@code Integer} or {@code Long} by size for a number. On H2, like {@link EntityCaptureTests}
 * (same context).
 */
@SpringBootTest(classes = CaptureApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:capture;DB_CLOSE_DELAY=-1", "spring.application.name=capture",
				"eventbus.outbox.relay-enabled=false", "eventbus.provision.mode=none",
				"eventbus.consume.enabled=false", "spring.cloud.aws.region.static=us-east-1",
				"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test" })
class PayloadAtFlushTests {

	private static final Instant TAKEN_AT = Instant.parse("2026-11-23T10:00:00.123456789Z");

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventMessageCodec codec;

	@BeforeEach
	void clearOutbox() {
		this.jdbc.update("delete from eventbus_outbox");
	}

	@Test
	void valuesTheColumnRoundsArePublishedAsTheEntityHeldThemAndStoredOnesOnceLoadedAgain() {
		Long id = this.tx.execute((status) -> {
			Reading reading = new Reading();
			reading.amount = new BigDecimal("12.345");
			reading.takenAt = TAKEN_AT;
			this.entityManager.persist(reading);
			return reading.id;
		});
		BigDecimal storedAmount = this.jdbc.queryForObject("select amount from cap_readings where id = ?",
				BigDecimal.class, id);
		Instant storedTakenAt = this.jdbc
			.queryForObject("select taken_at from cap_readings where id = ?", OffsetDateTime.class, id)
			.toInstant();
		assertThat(storedAmount).isEqualTo(new BigDecimal("12.35"));
		assertThat(storedTakenAt).isEqualTo(Instant.parse("2026-11-23T10:00:00.123457Z"));

		EventMessage created = onlyEvent();
		assertThat(created.payload()).containsEntry("amount", new BigDecimal("12.345"))
			.containsEntry("takenAt", "2026-11-23T10:00:00.123456789Z");

		this.jdbc.update("delete from eventbus_outbox");
		this.tx.executeWithoutResult((status) -> this.entityManager.find(Reading.class, id).note = "checked");
		EventMessage updated = onlyEvent();
		assertThat(updated.payload()).containsEntry("amount", new BigDecimal("12.35"))
			.containsEntry("takenAt", storedTakenAt.toString());
		assertThat(updated.changes()).containsOnlyKeys("note");
	}

	@Test
	void timestampVersionIsAnIsoStringOnTheWireAndForListeners() {
		Instant version = this.tx.execute((status) -> {
			Reading reading = new Reading();
			reading.amount = BigDecimal.ONE;
			this.entityManager.persist(reading);
			this.entityManager.flush();
			return reading.version;
		});
		String body = this.jdbc.queryForObject("select body from eventbus_outbox", String.class);
		assertThat(body).contains("\"entityVersion\":\"" + version + "\"");
		EventMessage event = this.codec.read(body);
		assertThat(event.entityVersion()).isInstanceOf(String.class);
		assertThat(Instant.parse((String) event.entityVersion())).isEqualTo(version);
		assertThat(event.payload()).containsEntry("version", version.toString());
	}

	@Test
	void numericVersionReachesListenersAsIntegerOrLongBySizeWhateverTheVersionType() {
		Map<Object, Object> readAs = Map.of(3L, 3, (short) 3, 3, 5_000_000_000L, 5_000_000_000L);
		readAs.forEach((version, expected) -> {
			String body = this.codec.write(new EventMessage(UUID.randomUUID().toString(), "Reading", "created",
					"Reading", "1", Instant.now(), null, 1, version, Map.of(), null));
			assertThat(body).contains("\"entityVersion\":" + version + ",");
			assertThat(this.codec.read(body).entityVersion()).isEqualTo(expected);
		});
	}

	private EventMessage onlyEvent() {
		List<String> bodies = this.jdbc.queryForList("select body from eventbus_outbox order by id", String.class);
		assertThat(bodies).hasSize(1);
		return this.codec.read(bodies.get(0));
	}

	@Entity(name = "Reading")
	@Table(name = "cap_readings")
	@PublishEvents
	static class Reading {

		@Id
		@GeneratedValue
		Long id;

		@Column(precision = 10, scale = 2)
		BigDecimal amount;

		Instant takenAt;

		String note;

		@Version
		Instant version;

	}

}
