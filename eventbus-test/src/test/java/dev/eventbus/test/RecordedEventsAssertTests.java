package dev.eventbus.test;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.eventbus.Action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The assertions on recorded events, passing and failing: a failure names what was expected
 * and lists every recorded event.
 */
class RecordedEventsAssertTests {

	record OrderView(UUID id, String status, BigDecimal total) {
	}

	private final EventRecorder events = Recordings.recorder();

	private final UUID first = UUID.fromString("00000000-0000-0000-0000-000000000001");

	private final UUID second = UUID.fromString("00000000-0000-0000-0000-000000000002");

	RecordedEventsAssertTests() {
		Recordings.capture(this.events, "Order", "created", this.first.toString(),
				"{\"id\":\"" + this.first + "\",\"status\":\"NEW\",\"total\":42.50}");
		Recordings.capture(this.events, "Order", "updated", this.first.toString(),
				"{\"id\":\"" + this.first + "\",\"status\":\"PAID\",\"total\":42.50}");
		Recordings.capture(this.events, "Order", "created", this.second.toString(),
				"{\"id\":\"" + this.second + "\",\"status\":\"NEW\",\"total\":7}");
		Recordings.capture(this.events, "Invoice", "issued", "17", "{\"number\":17}");
	}

	@Test
	void containsBindsThePayloadToTheTypeAndNarrowsByValueAndEntity() {
		assertThat(this.events).contains("Order", Action.CREATED, OrderView.class)
			.hasSize(2)
			.matching(OrderView::status, "NEW")
			.hasSize(2)
			.withEntityId(this.second)
			.hasSize(1)
			.payloads()
			.containsExactly(new OrderView(this.second, "NEW", new BigDecimal("7")));
		assertThat(this.events).contains("Order", Action.UPDATED, OrderView.class)
			.matching(OrderView::status, "PAID")
			.matching((order) -> order.total().compareTo(new BigDecimal("42.5")) == 0)
			.hasSize(1);
	}

	@Test
	void actionsAreStringsTooAndPayloadsMapsWithoutAType() {
		assertThat(this.events).contains("Invoice", "issued").matching((payload) -> payload.get("number"), 17);
		assertThat(this.events).contains("Order", "CREATED").hasSize(2);
		assertThat(this.events).hasSize(4).doesNotContain("Order", Action.DELETED).doesNotContain("Invoice", "voided")
			.doesNotContainChannel("Customer");
	}

	@Test
	void containsFailsListingTheRecordedEvents() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.events).contains("Order", Action.DELETED))
			.withMessageStartingWith("Expecting the captured events to contain 'Order' deleted, but there is none;"
					+ " captured events (4):")
			.withMessageContaining("1. Order created (entity " + this.first + ") {\"id\":\"" + this.first
					+ "\",\"status\":\"NEW\",\"total\":42.50}")
			.withMessageContaining("4. Invoice issued (entity 17) {\"number\":17}");
	}

	@Test
	void matchingFailsWithTheValuesItFound() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.events).contains("Order", Action.CREATED, OrderView.class)
				.matching(OrderView::status, "SHIPPED"))
			.withMessageStartingWith("Expecting the captured events to contain 'Order' created whose payload gives "
					+ "\"SHIPPED\", but the 2 'Order' created event(s) gave \"NEW\", \"NEW\"; captured events (4):")
			.withMessageContaining("2. Order updated");
	}

	@Test
	void countsAndAbsenceFailWithTheRecordedEvents() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.events).contains("Order", Action.CREATED).hasSize(1))
			.withMessageStartingWith("Expecting 1 captured event(s) 'Order' created, but there are 2; captured events (4):");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.events).doesNotContain("Order", "updated"))
			.withMessageStartingWith("Expecting the captured events not to contain 'Order' updated, but there is 1;");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.events.published()).hasSize(1))
			.withMessage("Expecting 1 published event(s), but there are 0; no published events");
	}

	@Test
	void aPayloadThatDoesNotBindFailsNamingTheEventAndTheType() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.events).contains("Invoice", "issued", UUID.class)
				.matching((id) -> true))
			.withMessageStartingWith("The payload of Invoice issued (entity 17) {\"number\":17} does not bind to UUID:");
	}

	@Test
	void theDescriptionOfTheAssertionLeadsTheMessage() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.events).as("after checkout")
				.contains("Order", Action.CREATED)
				.withEntityId("nope"))
			.withMessageStartingWith("[after checkout] Expecting the captured events to contain 'Order' created of "
					+ "entity nope, but there is none;");
	}

}
