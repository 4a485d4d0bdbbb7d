package dev.eventbus.test;

import org.junit.jupiter.api.Test;

import dev.eventbus.Action;
import dev.eventbus.observation.HandleOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The assertions on deliveries to listeners: per-listener counts, outcomes, failure messages. */
class RecordedHandlingsAssertTests {

	private final EventRecorder events = Recordings.recorder();

	RecordedHandlingsAssertTests() {
		this.events.handled("billing-onOrder", "Order", "created", "e1", HandleOutcome.RETRIED,
				new IllegalStateException("database down"));
		this.events.handled("billing-onOrder", "Order", "created", "e1", HandleOutcome.SUCCESS, null);
		this.events.handled("shipping-onOrder", "Order", "created", "e1", HandleOutcome.SUCCESS, null);
		this.events.handled("shipping-onOrder", "Order", "deleted", "e2", HandleOutcome.SUCCESS, null);
	}

	@Test
	void countsDeliveriesPerListenerEventAndOutcome() {
		assertThat(this.events.handled()).hasSize(4);
		assertThat(this.events.handled()).byListener("billing-onOrder").handled("Order", Action.CREATED).hasSize(2);
		assertThat(this.events.handled()).byListener("billing-onOrder").withOutcome(HandleOutcome.SUCCESS).hasSize(1);
		assertThat(this.events.handled()).byListener("shipping-onOrder").allSucceeded().hasSize(2);
		assertThat(this.events.handled()).byListener("shipping-onOrder").handled("Order", "updated").isEmpty();
		assertThat(this.events.handled().byListener("billing-onOrder").list().get(0).error())
			.hasMessage("database down");
	}

	@Test
	void aWrongCountFailsListingEveryDelivery() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.events.handled()).byListener("billing-onOrder")
				.handled("Order", Action.CREATED)
				.hasSize(1))
			.withMessageStartingWith("Expecting 1 deliveries to 'billing-onOrder' of 'Order' created, but there were 2;"
					+ " deliveries (4):")
			.withMessageContaining("1. billing-onOrder <- Order created (event e1): retried "
					+ "(java.lang.IllegalStateException: database down)")
			.withMessageContaining("4. shipping-onOrder <- Order deleted (event e2): success");
	}

	@Test
	void allSucceededFailsNamingTheFirstFailedDelivery() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.events.handled()).byListener("billing-onOrder").allSucceeded())
			.withMessageStartingWith("Expecting every one of the deliveries to 'billing-onOrder' to succeed, but "
					+ "billing-onOrder <- Order created (event e1): retried (java.lang.IllegalStateException: database down)"
					+ " did not;");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.events.handled()).byListener("audit-onOrder").isNotEmpty())
			.withMessageStartingWith("Expecting deliveries to 'audit-onOrder', but there was none; deliveries (4):");
	}

}
