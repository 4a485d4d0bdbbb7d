package dev.eventbus.capture;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.eventbus.Action;
import dev.eventbus.capture.EntityChange.Net;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 5: how two changes of one entity in one transaction fold into one.
 */
class EntityChangeTests {

	private static final PublishedEntity ALL = new PublishedEntity("Order", Set.of(Action.values()), Set.of());

	@Test
	void createdThenUpdatedIsCreatedWithTheLaterStateAndVersion() {
		EntityChange net = change(Action.CREATED, 0, "NEW", null).then(change(Action.UPDATED, 1, "PAID",
				Map.of("status", EntityChange.change("NEW", "PAID")))).change();
		assertThat(net).isNotNull();
		assertThat(net.action()).isEqualTo(Action.CREATED);
		assertThat(net.payload()).containsEntry("status", "PAID");
		assertThat(net.version()).isEqualTo(1);
		assertThat(net.changes()).isNull();
		assertThat(net.published()).isTrue();
	}

	@Test
	void updatedThenUpdatedKeepsTheFirstOldAndTheLastNewValueAndDropsWhatCameBack() {
		Map<String, Map<String, @Nullable Object>> first = new LinkedHashMap<>();
		first.put("status", EntityChange.change("NEW", "OPEN"));
		first.put("total", EntityChange.change(new BigDecimal("10.00"), new BigDecimal("11")));
		Map<String, Map<String, @Nullable Object>> second = new LinkedHashMap<>();
		second.put("status", EntityChange.change("OPEN", "PAID"));
		second.put("total", EntityChange.change(new BigDecimal("11"), new BigDecimal("10.0")));
		second.put("note", EntityChange.change(null, "x"));
		EntityChange net = change(Action.UPDATED, 1, "OPEN", first).then(change(Action.UPDATED, 2, "PAID", second))
			.change();
		assertThat(net).isNotNull();
		assertThat(net.changes()).containsOnlyKeys("status", "note");
		assertThat(net.changes().get("status")).isEqualTo(EntityChange.change("NEW", "PAID"));
		assertThat(net.changes().get("note")).isEqualTo(EntityChange.change(null, "x"));
		assertThat(net.version()).isEqualTo(2);
	}

	@Test
	void updatesThatCancelOutAreNotPublished() {
		EntityChange net = change(Action.UPDATED, 1, "OPEN", Map.of("status", EntityChange.change("NEW", "OPEN")))
			.then(change(Action.UPDATED, 2, "NEW", Map.of("status", EntityChange.change("OPEN", "NEW"))))
			.change();
		assertThat(net).isNotNull();
		assertThat(net.changes()).isEmpty();
		assertThat(net.published()).isFalse();
	}

	@Test
	void createdThenDeletedIsNothingAndUpdatedThenDeletedIsDeleted() {
		assertThat(change(Action.CREATED, 0, "NEW", null).then(change(Action.DELETED, 0, "NEW", null)))
			.isSameAs(Net.NOTHING);
		EntityChange deleted = change(Action.DELETED, 1, "PAID", null);
		assertThat(change(Action.UPDATED, 1, "PAID", Map.of("status", EntityChange.change("NEW", "PAID")))
			.then(deleted)
			.change()).isSameAs(deleted);
	}

	@Test
	void anInsertAfterADeleteIsAChangeOfItsOwn() {
		assertThat(change(Action.DELETED, 3, "OLD", null).then(change(Action.CREATED, 0, "NEW", null)).separate())
			.isTrue();
	}

	@Test
	void theNetActionDecidesWhetherItIsPublished() {
		PublishedEntity deletesOnly = new PublishedEntity("Order", Set.of(Action.DELETED), Set.of());
		EntityChange created = new EntityChange(deletesOnly, Action.CREATED, "Order", "1", null, Map.of(), null);
		EntityChange updated = new EntityChange(deletesOnly, Action.UPDATED, "Order", "1", null, Map.of(),
				Map.of("status", EntityChange.change("A", "B")));
		assertThat(created.then(updated).change()).satisfies((net) -> assertThat(net.published()).isFalse());
	}

	private static EntityChange change(Action action, int version, String status,
			@Nullable Map<String, Map<String, @Nullable Object>> changes) {
		return new EntityChange(ALL, action, "Order", "1", version, Map.of("id", 1, "status", status), changes);
	}

}
