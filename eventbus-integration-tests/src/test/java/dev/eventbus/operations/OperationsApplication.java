package dev.eventbus.operations;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

/**
 * An application for the operations tests: a listener that rejects what it receives while it is
 * broken, and three listeners of one channel (all actions, created only, idempotent).
 */
@SpringBootApplication
public class OperationsApplication {

	/** What each listener was called with, as {@code listener/eventId/action}. */
	public static final class Calls {

		private final List<String> calls = new CopyOnWriteArrayList<>();

		void add(String listener, EntityEvent<?> event) {
			this.calls.add(listener + "/" + event.eventId() + "/" + event.action().wireName());
		}

		/** How often a listener was called with an event. */
		public long of(String listener, String eventId) {
			return this.calls.stream().filter((call) -> call.startsWith(listener + "/" + eventId + "/")).count();
		}

		/** How often a listener was called with an action. */
		public long ofAction(String listener, Action action) {
			return this.calls.stream()
				.filter((call) -> call.startsWith(listener + "/") && call.endsWith("/" + action.wireName()))
				.count();
		}

	}

	/** Thrown by the broken listener: retrying does not help. */
	public static class BrokenException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BrokenException(String message) {
			super(message);
		}

	}

	@Bean
	Calls calls() {
		return new Calls();
	}

	@Bean
	AtomicBoolean broken() {
		return new AtomicBoolean(true);
	}

	@Component
	static class LedgerListener {

		private final Calls calls;

		private final AtomicBoolean broken;

		LedgerListener(Calls calls, AtomicBoolean broken) {
			this.calls = calls;
			this.broken = broken;
		}

		@Listener(value = "Ledger", id = "fixable", noRetryFor = BrokenException.class)
		void fixable(EntityEvent<Map<String, Object>> event) {
			if (this.broken.get()) {
				throw new BrokenException("broken until fixed");
			}
			this.calls.add("fixable", event);
		}

	}

	@Component
	static class TallyListeners {

		private final Calls calls;

		TallyListeners(Calls calls) {
			this.calls = calls;
		}

		@Listener(value = "Tally", id = "tallyAll")
		void all(EntityEvent<Map<String, Object>> event) {
			this.calls.add("tallyAll", event);
		}

		@Listener(value = "Tally", id = "tallyCreated", actions = Action.CREATED)
		void created(EntityEvent<Map<String, Object>> event) {
			this.calls.add("tallyCreated", event);
		}

		@Listener(value = "Tally", id = "tallyOnce", idempotent = true)
		void once(EntityEvent<Map<String, Object>> event) {
			this.calls.add("tallyOnce", event);
		}

	}

}
