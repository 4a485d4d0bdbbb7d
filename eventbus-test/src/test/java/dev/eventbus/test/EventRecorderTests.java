package dev.eventbus.test;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.eventbus.observation.HandleOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/** What the recorder keeps, and what a reset makes it forget. */
class EventRecorderTests {

	private final EventRecorder events = Recordings.recorder();

	@Test
	void keepsEachStageApartInArrivalOrder() {
		UUID created = Recordings.capture(this.events, "Order", "created", "1", "{\"status\":\"NEW\"}");
		UUID shipped = Recordings.capture(this.events, "Order", "shipped", "1", "{\"status\":\"SHIPPED\"}");
		Recordings.publish(this.events, shipped, "Order", "shipped", "1", "{\"status\":\"SHIPPED\"}");

		assertThat(this.events.captured().list()).extracting(RecordedEvent::eventId).containsExactly(created, shipped);
		assertThat(this.events.published().list()).extracting(RecordedEvent::action).containsExactly("shipped");
		assertThat(this.events.published().list().get(0).entityId()).isEqualTo("1");
		assertThat(this.events.published().list().get(0).payload()).containsEntry("status", "SHIPPED");
		assertThat(this.events.handled().list()).isEmpty();
	}

	@Test
	void resetForgetsEverythingAndIgnoresTheLatePublishingAndHandlingOfEarlierEvents() {
		UUID earlier = Recordings.capture(this.events, "Order", "created", "1", "{}");
		this.events.reset();
		assertThat(this.events.captured().list()).isEmpty();

		// the relay and a listener get to the earlier test's event only now
		Recordings.publish(this.events, earlier, "Order", "created", "1", "{}");
		this.events.handled("billing-onOrder", "Order", "created", earlier.toString(), HandleOutcome.SUCCESS, null);
		UUID current = Recordings.capture(this.events, "Order", "created", "2", "{}");
		Recordings.publish(this.events, current, "Order", "created", "2", "{}");
		this.events.handled("billing-onOrder", "Order", "created", current.toString(), HandleOutcome.SUCCESS, null);

		assertThat(this.events.published().list()).extracting(RecordedEvent::eventId).containsExactly(current);
		assertThat(this.events.handled().list()).extracting(RecordedHandling::eventId)
			.containsExactly(current.toString());
	}

	@Test
	void aHandledEventIsPublishedEvenWhenTheListenerFinishesBeforeTheRelaysSendReturns() {
		UUID id = Recordings.capture(this.events, "Order", "created", "1", "{\"status\":\"NEW\"}");
		this.events.handled("audit-onOrder", "Order", "created", id.toString(), HandleOutcome.SUCCESS, null);
		assertThat(this.events.published().list()).extracting(RecordedEvent::eventId).containsExactly(id);
		assertThat(this.events.published().list().get(0).payload()).containsEntry("status", "NEW");

		// the relay's send returns now: still one published event
		Recordings.publish(this.events, id, "Order", "created", "1", "{\"status\":\"NEW\"}");
		assertThat(this.events.published().list()).hasSize(1);
	}

	@Test
	void publishingOfAnEventCapturedBeforeTheRecorderExistedIsRecorded() {
		UUID elsewhere = UUID.randomUUID();
		this.events.reset();
		Recordings.publish(this.events, elsewhere, "Order", "created", "3", "{}");
		assertThat(this.events.published().list()).extracting(RecordedEvent::eventId).containsExactly(elsewhere);
	}

}
