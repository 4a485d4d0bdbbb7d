package dev.eventbus.net;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.net.NetApplication.Received;
import dev.eventbus.test.EnableFauxqs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 5, one net event per entity per transaction (the default): each way two changes
 * of one entity in one transaction fold, through flushes, Hibernate JDBC batches and
 * {@code @Version}, on PostgreSQL and the fauxqs emulator, asserted on the outbox rows and on what
 * the listener receives. {@link NetEventMotoIntegrationTests} runs the same tests against moto.
 */
@EnableFauxqs
@SpringBootTest(classes = NetApplication.class,
		properties = { "spring.application.name=net-events", "eventbus.publish.topic-prefix=net-events-",
				"spring.jpa.properties.hibernate.jdbc.batch_size=10",
				"spring.jpa.properties.hibernate.order_inserts=true",
				"spring.jpa.properties.hibernate.order_updates=true" })
@DirtiesContext
class NetEventIntegrationTests extends NetTests {

	@DynamicPropertySource
	static void schema(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("net_events");
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void createdThenUpdatedIsOneCreatedWithTheFinalStateAndVersionAndTheIdAndTimeOfTheFirstChange() {
		UUID id = UUID.randomUUID();
		Instant[] firstChange = new Instant[2];
		this.tx.executeWithoutResult((status) -> {
			firstChange[0] = Instant.now();
			Ticket ticket = new Ticket(id, "NEW", new BigDecimal("10.00"));
			this.entityManager.persist(ticket);
			this.entityManager.flush();
			firstChange[1] = Instant.now();
			ticket.setStatus("PAID");
			this.entityManager.flush();
			ticket.setAmount(new BigDecimal("12.00"));
		});
		assertThat(rows(id)).extracting(Row::action).containsExactly("created");
		EntityEvent<Map<String, Object>> created = awaitEvents("NetTicket", id, 1).get(0).event();
		assertThat(created.action()).isEqualTo(Action.CREATED);
		assertThat(created.payload()).containsEntry("status", "PAID").containsEntry("version", 2)
			.doesNotContainKey("secret");
		assertThat(((Number) created.payload().get("amount")).doubleValue()).isEqualTo(12.0);
		assertThat(created.entityVersion()).isEqualTo(2);
		assertThat(created.changes()).isEmpty();
		assertThat(created.eventId()).isEqualTo(rows(id).get(0).eventId());
		assertThat(created.occurredAt()).isBetween(firstChange[0], firstChange[1]);

		this.tx.executeWithoutResult((status) -> this.entityManager.find(Ticket.class, id).setStatus("SHIPPED"));
		EntityEvent<Map<String, Object>> updated = awaitEvents("NetTicket", id, 2).get(1).event();
		assertThat(updated.changes()).containsOnlyKeys("status");
		assertThat(updated.changes().get("status")).isEqualTo(new EntityEvent.Change("PAID", "SHIPPED"));
		assertThat(updated.entityVersion()).isEqualTo(3);
	}

	@Test
	void updatesInOneTransactionAreOneUpdatedWithTheFirstOldAndLastNewValues() {
		UUID id = create("NEW", "10.00");
		this.tx.executeWithoutResult((status) -> {
			Ticket ticket = this.entityManager.find(Ticket.class, id);
			ticket.setStatus("OPEN");
			this.entityManager.flush();
			ticket.setAmount(new BigDecimal("11.00"));
			this.entityManager.flush();
			ticket.setStatus("PAID");
			ticket.setAmount(new BigDecimal("10.00")); // back to its old value: drops out
		});
		assertThat(rows(id)).extracting(Row::action).containsExactly("created", "updated");
		EntityEvent<Map<String, Object>> updated = awaitEvents("NetTicket", id, 2).get(1).event();
		assertThat(updated.action()).isEqualTo(Action.UPDATED);
		assertThat(updated.changes()).containsOnlyKeys("status");
		assertThat(updated.changes().get("status")).isEqualTo(new EntityEvent.Change("NEW", "PAID"));
		assertThat(updated.payload()).containsEntry("status", "PAID").containsEntry("version", 3);
		assertThat(updated.entityVersion()).isEqualTo(3);
	}

	@Test
	void updatesThatCancelOutPublishNothing() {
		UUID id = create("NEW", "10.00");
		this.tx.executeWithoutResult((status) -> {
			Ticket ticket = this.entityManager.find(Ticket.class, id);
			ticket.setStatus("ON_HOLD");
			this.entityManager.flush();
			ticket.setStatus("NEW");
			ticket.setSecret("only an excluded attribute changes besides");
		});
		assertThat(rows(id)).extracting(Row::action).containsExactly("created");
		// the barrier: the next change of the same entity, in order after anything the transaction had published
		this.tx.executeWithoutResult((status) -> this.entityManager.find(Ticket.class, id).setStatus("LAST"));
		List<Received> events = awaitEvents("NetTicket", id, 2);
		assertThat(events).extracting(Received::action).containsExactly(Action.CREATED, Action.UPDATED);
		assertThat(events.get(1).event().changes().get("status")).isEqualTo(new EntityEvent.Change("NEW", "LAST"));
		assertThat(events.get(1).event().entityVersion()).isEqualTo(3);
		assertThat(rows(id)).extracting(Row::action).containsExactly("created", "updated");
	}

	@Test
	void createdThenDeletedPublishesNothing() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> {
			Ticket ticket = new Ticket(id, "NEW", BigDecimal.ONE);
			this.entityManager.persist(ticket);
			this.entityManager.flush();
			ticket.setStatus("CHANGED");
			this.entityManager.flush();
			this.entityManager.remove(ticket);
		});
		assertThat(rows(id)).isEmpty();
		UUID barrier = create("BARRIER", "1.00");
		awaitEvents("NetTicket", barrier, 1);
		assertThat(NetApplication.of(this.received, "NetTicket", id)).isEmpty();
	}

	@Test
	void updatedThenDeletedIsOneDeletedWithTheLastState() {
		UUID id = create("NEW", "10.00");
		this.tx.executeWithoutResult((status) -> {
			Ticket ticket = this.entityManager.find(Ticket.class, id);
			ticket.setStatus("CANCELLED");
			this.entityManager.flush();
			this.entityManager.remove(ticket);
		});
		assertThat(rows(id)).extracting(Row::action).containsExactly("created", "deleted");
		EntityEvent<Map<String, Object>> deleted = awaitEvents("NetTicket", id, 2).get(1).event();
		assertThat(deleted.action()).isEqualTo(Action.DELETED);
		assertThat(deleted.payload()).containsEntry("status", "CANCELLED");
		assertThat(deleted.entityVersion()).isEqualTo(1);
		assertThat(deleted.changes()).isEmpty();
	}

	@Test
	void deletedAndInsertedAgainWithTheSameIdIsDeletedThenCreated() {
		UUID id = create("FIRST", "10.00");
		this.tx.executeWithoutResult((status) -> {
			this.entityManager.remove(this.entityManager.find(Ticket.class, id));
			this.entityManager.flush();
			Ticket again = new Ticket(id, "SECOND", new BigDecimal("5.00"));
			this.entityManager.persist(again);
			this.entityManager.flush();
			again.setStatus("SECOND_FINAL");
		});
		assertThat(rows(id)).extracting(Row::action).containsExactly("created", "deleted", "created");
		List<Received> events = awaitEvents("NetTicket", id, 3);
		assertThat(events).extracting(Received::action)
			.containsExactly(Action.CREATED, Action.DELETED, Action.CREATED);
		assertThat(events.get(1).payload()).containsEntry("status", "FIRST");
		assertThat(events.get(2).payload()).containsEntry("status", "SECOND_FINAL");
		assertThat(events.get(2).event().entityVersion()).isEqualTo(1);
	}

	@Test
	void jdbcBatchesOfManyEntitiesAndSeveralFlushesGiveOneNetEventPerEntity() {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			ids.add(UUID.randomUUID());
		}
		this.tx.executeWithoutResult((status) -> {
			List<Ticket> tickets = new ArrayList<>();
			for (UUID id : ids) {
				Ticket ticket = new Ticket(id, "BATCH", BigDecimal.ONE);
				this.entityManager.persist(ticket);
				tickets.add(ticket);
			}
			this.entityManager.flush();
			tickets.forEach((ticket) -> ticket.setStatus("BATCH_UPDATED"));
			this.entityManager.flush();
			tickets.subList(0, 5).forEach(this.entityManager::remove);
			tickets.subList(5, 25).forEach((ticket) -> ticket.setAmount(BigDecimal.TEN));
		});
		for (UUID id : ids.subList(0, 5)) {
			assertThat(rows(id)).as("created and deleted %s", id).isEmpty();
		}
		for (UUID id : ids.subList(5, 25)) {
			assertThat(rows(id)).extracting(Row::action).as("rows of %s", id).containsExactly("created");
			EntityEvent<Map<String, Object>> created = awaitEvents("NetTicket", id, 1).get(0).event();
			assertThat(created.payload()).containsEntry("status", "BATCH_UPDATED");
			assertThat(((Number) created.payload().get("amount")).intValue()).isEqualTo(10);
			assertThat(created.entityVersion()).isEqualTo(2);
		}
		UUID barrier = create("BARRIER", "1.00");
		awaitEvents("NetTicket", barrier, 1);
		for (UUID id : ids) {
			assertThat(NetApplication.of(this.received, "NetTicket", id)).hasSizeLessThanOrEqualTo(1);
		}
	}

	@Test
	void aNetEventSitsWhereTheEntitysFirstChangeSits() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> {
			Ticket a = new Ticket(first, "A0", BigDecimal.ONE);
			this.entityManager.persist(a);
			this.entityManager.flush();
			this.entityManager.persist(new Ticket(second, "B0", BigDecimal.ONE));
			this.entityManager.flush();
			a.setStatus("A1");
		});
		List<Row> rows = this.jdbc.query(
				"select action, entity_id, event_id from eventbus_outbox where entity_id in (?, ?) order by id",
				(rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)), first.toString(),
				second.toString());
		assertThat(rows).extracting(Row::entityId).containsExactly(first.toString(), second.toString());
		assertThat(awaitEvents("NetTicket", first, 1).get(0).payload()).containsEntry("status", "A1");
		awaitEvents("NetTicket", second, 1);
	}

	private UUID create(String status, String amount) {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult(
				(tx) -> this.entityManager.persist(new Ticket(id, status, new BigDecimal(amount))));
		return id;
	}

	private List<Row> rows(UUID id) {
		return this.jdbc.query("select action, entity_id, event_id from eventbus_outbox where entity_id = ? order by id",
				(rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)), id.toString());
	}


	record Row(String action, String entityId, String eventId) {
	}

}
