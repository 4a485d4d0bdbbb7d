package dev.eventbus.it.failure;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.instances.InstancesApp;
import dev.eventbus.failure.instances.Ticket;
import dev.eventbus.outbox.OutboxStore;
import dev.eventbus.outbox.PendingEvent;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, several instances, order: while one relay holds the claim of an entity's event, the
 * relay of another instance must not claim a later event of the same entity, or it may publish
 * it first (on FIFO topics the group order then breaks: an update before its create).
 * <p>
 * Drives the application's own {@link OutboxStore} with two claims at once, as two instances'
 * relays do; the application's relay is off so that it does not take the rows.
 */
@EnableFauxqs
class OutboxClaimOrderingIntegrationTests {

	@Test
	void laterEventOfAnEntityIsNotClaimedWhileAnotherRelayHoldsAnEarlierOne(FauxqsEmulator emulator) {
		Map<String, String> properties = TestApps.baseProperties(emulator, TestSchema.fresh("fx_claim"));
		properties.put("spring.application.name", "fx-claim");
		properties.put("eventbus.publish.topic-prefix", "fx-claim-");
		properties.put("eventbus.outbox.relay-enabled", "false");
		properties.put("eventbus.consume.enabled", "false");
		try (ConfigurableApplicationContext context = TestApps.run(InstancesApp.class, properties)) {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			EntityManager entityManager = context.getBean(EntityManager.class);
			tx.executeWithoutResult((status) -> entityManager.persist(new Ticket(1L, "A1")));
			tx.executeWithoutResult((status) -> entityManager.find(Ticket.class, 1L).setSeat("B2"));
			OutboxStore store = context.getBean(OutboxStore.class);

			try (OutboxStore.Claim first = store.claim(1, Instant.now())) {
				assertThat(first.events()).extracting(PendingEvent::action).containsExactly("created");
				try (OutboxStore.Claim second = store.claim(10, Instant.now())) {
					assertThat(second.events()).as("claimed by a second relay while the create is being published")
						.isEmpty();
				}
			}
		}
	}

}
