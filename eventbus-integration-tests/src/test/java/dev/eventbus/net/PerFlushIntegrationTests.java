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
import dev.eventbus.failure.TestSchema;
import dev.eventbus.net.NetApplication.Received;
import dev.eventbus.test.EnableFauxqs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 5 switched off: with {@code eventbus.publish.collapse-per-transaction=false} every
 * flushed change is an event, in commit order, on PostgreSQL and the fauxqs emulator.
 */
@EnableFauxqs
@SpringBootTest(classes = NetApplication.class,
		properties = { "spring.application.name=net-flush", "eventbus.publish.topic-prefix=net-flush-",
				"eventbus.publish.collapse-per-transaction=false" })
@DirtiesContext
class PerFlushIntegrationTests extends NetTests {

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
		assertThat(outboxActions(id)).hasSize(10).first().isEqualTo("created");
		List<Received> events = awaitEvents("NetTicket", id, 10);
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
		assertThat(outboxActions(id)).containsExactly("created", "deleted");
		assertThat(awaitEvents("NetTicket", id, 2)).extracting(Received::action)
			.containsExactly(Action.CREATED, Action.DELETED);
	}



}
