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
import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.net.NetApplication.Received;
import dev.eventbus.test.EnableFauxqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11 item 5 switched off: with {@code eventbus.publish.collapse-per-transaction=false} every
 * flushed change is an event, in commit order, on PostgreSQL and the fauxqs emulator.
 */
@EnableFauxqs
@SpringBootTest(classes = NetApplication.class,
		properties = { "spring.application.name=net-flush", "eventbus.publish.topic-prefix=net-flush-",
				"eventbus.publish.collapse-per-transaction=false" })
@DirtiesContext
class PerFlushIntegrationTests {

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
		String url = TestSchema.fresh("net_flush");
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void everyFlushOfOneEntityIsAnEventInCommitOrder() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> {
			Ticket ticket = new Ticket(id, "S0", BigDecimal.ONE);
			this.entityManager.persist(ticket);
			for (int i = 1; i <= 9; i++) {
				this.entityManager.flush();
				ticket.setStatus("S" + i);
			}
		});
		assertThat(actions(id)).hasSize(10).first().isEqualTo("created");
		List<Received> events = awaitEvents(id, 10);
		assertThat(events).extracting((received) -> received.payload().get("status"))
			.containsExactly("S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9");
		assertThat(events).extracting((received) -> received.event().entityVersion())
			.containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(events.get(0).action()).isEqualTo(Action.CREATED);
	}

	@Test
	void createdThenDeletedPublishesBoth() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((status) -> {
			this.entityManager.persist(new Ticket(id, "NEW", BigDecimal.ONE));
			this.entityManager.flush();
			this.entityManager.remove(this.entityManager.find(Ticket.class, id));
		});
		assertThat(actions(id)).containsExactly("created", "deleted");
		assertThat(awaitEvents(id, 2)).extracting(Received::action).containsExactly(Action.CREATED, Action.DELETED);
	}

	private List<String> actions(UUID id) {
		return this.jdbc.queryForList("select action from eventbus_outbox where entity_id = ? order by id",
				String.class, id.toString());
	}

	private List<Received> awaitEvents(UUID id, int count) {
		await().atMost(TIMEOUT).until(() -> NetApplication.of(this.received, "NetTicket", id).size() >= count);
		return NetApplication.of(this.received, "NetTicket", id);
	}

}
