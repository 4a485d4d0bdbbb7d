package dev.eventbus.outcome;

import java.util.List;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.eventbus.capture.CommittedEventsListener;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.outbox.OutboxEvent;

/**
 * Issue 11, item 4: an application whose service methods publish outcome events with
 * {@link dev.eventbus.PublishOutcome}, and listens to them.
 */
@SpringBootApplication
public class OutcomeApplication {

	@Bean
	Deliveries<Received> received() {
		return new Deliveries<>();
	}

	/** The events of each committed transaction, in commit order: which events shared a transaction. */
	@Bean
	Deliveries<List<OutboxEvent>> commits() {
		return new Deliveries<>();
	}

	@Bean
	CommittedEventsListener commitRecorder(Deliveries<List<OutboxEvent>> commits) {
		return commits::add;
	}

}
