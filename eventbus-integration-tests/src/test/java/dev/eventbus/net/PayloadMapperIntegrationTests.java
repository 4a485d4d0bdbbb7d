package dev.eventbus.net;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

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
 * Issue 11 item 8: the {@code NetBadge} channel's {@link dev.eventbus.PayloadMapper} shapes the
 * payload and the changes of its events at capture, and never sees an excluded attribute. On
 * PostgreSQL and the fauxqs emulator, asserted on the outbox row and on what the listener receives.
 */
@EnableFauxqs
@SpringBootTest(classes = NetApplication.class,
		properties = { "spring.application.name=net-mapper", "eventbus.publish.topic-prefix=net-mapper-" })
@DirtiesContext
class PayloadMapperIntegrationTests extends NetTests {

	private static final JsonMapper JSON = new JsonMapper();

	@DynamicPropertySource
	static void schema(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("net_mapper");
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void theMapperShapesThePayloadAndNeverSeesExcludedAttributes() {
		long id = System.nanoTime();
		this.tx.executeWithoutResult((status) -> {
			Badge badge = new Badge(id, "Ada", new BigDecimal("99.50"));
			badge.setPin("1234");
			badge.setNote("front desk");
			this.entityManager.persist(badge);
		});
		Map<String, Object> expected = Map.of("id", id, "type", "Badge", "holder", "Ada", "amountCents", 9950,
				"vip", false);
		EntityEvent<Map<String, Object>> created = awaitEvents("NetBadge", id, 1).get(0).event();
		assertThat(created.action()).isEqualTo(Action.CREATED);
		assertThat(created.payload()).isEqualTo(expected);
		String body = this.jdbc.queryForObject("select body from eventbus_outbox where entity_id = ?", String.class,
				String.valueOf(id));
		assertThat(JSON.readTree(body).get("payload").propertyNames()).containsExactly("id", "type", "holder",
				"amountCents", "vip");
		assertThat(body).doesNotContain("1234").doesNotContain("front desk");
		assertThat(NetApplication.MAPPER_SAW).contains("id", "holder", "amount", "note").doesNotContain("pin");
	}

	@Test
	void changesAreThoseOfTheMappedPayloadAndAnUpdateTheMapperDoesNotShowPublishesNothing() {
		long id = System.nanoTime();
		this.tx.executeWithoutResult(
				(status) -> this.entityManager.persist(new Badge(id, "Ada", new BigDecimal("99.50"))));
		awaitEvents("NetBadge", id, 1);
		this.tx.executeWithoutResult((status) -> this.entityManager.find(Badge.class, id)
			.setAmount(new BigDecimal("150.00")));
		EntityEvent<Map<String, Object>> updated = awaitEvents("NetBadge", id, 2).get(1).event();
		assertThat(updated.action()).isEqualTo(Action.UPDATED);
		assertThat(updated.changes()).containsOnlyKeys("amountCents", "vip");
		assertThat(updated.changes().get("amountCents")).isEqualTo(new EntityEvent.Change(9950, 15000));
		assertThat(updated.changes().get("vip")).isEqualTo(new EntityEvent.Change(false, true));

		// note and pin are not in the mapped payload: no event
		this.tx.executeWithoutResult((status) -> {
			Badge badge = this.entityManager.find(Badge.class, id);
			badge.setNote("moved");
			badge.setPin("9999");
		});
		this.tx.executeWithoutResult((status) -> this.entityManager.find(Badge.class, id).setHolder("Grace"));
		List<Received> events = awaitEvents("NetBadge", id, 3);
		assertThat(events.get(2).event().changes()).containsOnlyKeys("holder");
		assertThat(outboxActions(id)).containsExactly("created", "updated", "updated");

		this.tx.executeWithoutResult((status) -> this.entityManager.remove(this.entityManager.find(Badge.class, id)));
		EntityEvent<Map<String, Object>> deleted = awaitEvents("NetBadge", id, 4).get(3).event();
		assertThat(deleted.action()).isEqualTo(Action.DELETED);
		assertThat(deleted.payload()).containsEntry("holder", "Grace").containsEntry("amountCents", 15000)
			.doesNotContainKeys("note", "pin", "amount");
	}


}
