package dev.eventbus.net;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.net.NetApplication.Received;
import dev.eventbus.test.EnableFauxqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11 item 6 with {@code eventbus.publish.allow-bulk-mutations=true}: bulk statements on a
 * {@code @PublishEvents} entity run and, as documented, publish nothing. On PostgreSQL and the
 * fauxqs emulator.
 */
@EnableFauxqs
@SpringBootTest(classes = NetApplication.class,
		properties = { "spring.application.name=net-bulk-allowed", "eventbus.publish.topic-prefix=net-bulk-allowed-",
				"eventbus.publish.allow-bulk-mutations=true" })
@DirtiesContext
class BulkMutationAllowedIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	Deliveries<Received> received;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void schema(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("net_bulk_allowed");
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void allowedBulkUpdateAndDeleteRunAndPublishNothing() {
		UUID updated = create();
		UUID deleted = create();
		Integer rows = this.tx.execute((status) -> this.entityManager
			.createQuery("update Ticket t set t.status = 'BULK' where t.id = :id")
			.setParameter("id", updated)
			.executeUpdate());
		assertThat(rows).isEqualTo(1);
		Integer deletedRows = this.tx.execute((status) -> this.entityManager
			.createQuery("delete from Ticket t where t.id = :id")
			.setParameter("id", deleted)
			.executeUpdate());
		assertThat(deletedRows).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select status from net_tickets where id = ?", String.class, updated))
			.isEqualTo("BULK");
		assertThat(this.jdbc.queryForObject("select count(*) from net_tickets where id = ?", Long.class, deleted))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from eventbus_outbox where entity_id in (?, ?)",
				Long.class, updated.toString(), deleted.toString()))
			.as("only the two created events")
			.isEqualTo(2);
		// the barrier: the next change of the updated entity; consumers never heard of BULK
		this.tx.executeWithoutResult((status) -> this.entityManager.find(Ticket.class, updated).setStatus("PAID"));
		List<Received> events = awaitEvents(updated, 2);
		assertThat(events).extracting(Received::action).containsExactly(Action.CREATED, Action.UPDATED);
		assertThat(events.get(1).event().changes().get("status")).isEqualTo(new EntityEvent.Change("BULK", "PAID"));
		assertThat(NetApplication.of(this.received, "NetTicket", deleted)).extracting(Received::action)
			.containsExactly(Action.CREATED);
	}

	private UUID create() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((tx) -> this.entityManager.persist(new Ticket(id, "NEW", BigDecimal.ONE)));
		awaitEvents(id, 1);
		return id;
	}

	private List<Received> awaitEvents(UUID id, int count) {
		await().atMost(TIMEOUT).until(() -> NetApplication.of(this.received, "NetTicket", id).size() >= count);
		return NetApplication.of(this.received, "NetTicket", id);
	}

}
