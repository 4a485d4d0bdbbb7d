package dev.eventbus.eventlog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

/**
 * The application of the event log tests: published accounts and a listener that records the
 * event ids it receives, in the order it receives them.
 */
@SpringBootApplication
public class EventLogApplication {

	/** Records what the listener of {@code Account} received. */
	@Component
	public static class AccountListener {

		private final List<String> received = new CopyOnWriteArrayList<>();

		@Listener("Account")
		void on(EntityEvent<AccountView> event) {
			this.received.add(event.eventId());
		}

		/** The event ids received, in order. */
		public List<String> received() {
			return List.copyOf(this.received);
		}

	}

}
