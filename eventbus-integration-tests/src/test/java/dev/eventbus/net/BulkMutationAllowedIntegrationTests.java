package dev.eventbus.net;

import java.math.BigDecimal;
import java.util.List;
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
 * Issue 11 item 6 with {@code eventbus.publish.allow-bulk-mutations=true}: bulk statements on a
 * {@code @PublishEvents} entity run and, as documented, publish nothing. On PostgreSQL and the
 * fauxqs emulator.
 */
@EnableFauxqs
@SpringBootTest(classes = NetApplication.class,
		properties = { "spring.application.name=net-bulk-allowed", "eventbus.publish.topic-prefix=net-bulk-allowed-",
				"eventbus.publish.allow-bulk-mutations=true" })
@DirtiesContext
class BulkMutationAllowedIntegrationTests extends NetTests {

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
		List<Received> events = awaitEvents("NetTicket", updated, 2);
		assertThat(events).extracting(Received::action).containsExactly(Action.CREATED, Action.UPDATED);
		assertThat(events.get(1).event().changes().get("status")).isEqualTo(new EntityEvent.Change("BULK", "PAID"));
		assertThat(NetApplication.of(this.received, "NetTicket", deleted)).extracting(Received::action)
			.containsExactly(Action.CREATED);
	}

	private UUID create() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((tx) -> this.entityManager.persist(new Ticket(id, "NEW", BigDecimal.ONE)));
		awaitEvents("NetTicket", id, 1);
		return id;
	}


}
