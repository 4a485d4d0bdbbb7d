package dev.eventbus.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

/**
 * An application whose listeners give every outcome of {@code eventbus.handle}: success,
 * retried then success, not retryable, failing on every delivery, and an idempotent one.
 */
@SpringBootApplication
public class MetricsApplication {

	/** Thrown for events retrying cannot fix. */
	public static class RejectedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RejectedException() {
			super("rejected on purpose");
		}

	}

	@Component
	static class MeteredListeners {

		private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

		@Listener(value = "MeteredItem", id = "succeeds")
		void succeeds(EntityEvent<Map<String, Object>> event) {
		}

		@Listener(value = "MeteredItem", id = "failsOnce", retryInitialDelay = "1s", retryMultiplier = "1")
		void failsOnce(EntityEvent<Map<String, Object>> event) {
			if (this.failedOnce.add(String.valueOf(event.entityId()))) {
				throw new IllegalStateException("failing once on purpose");
			}
		}

		@Listener(value = "MeteredItem", id = "rejects", noRetryFor = RejectedException.class)
		void rejects(EntityEvent<Map<String, Object>> event) {
			throw new RejectedException();
		}

		@Listener(value = "MeteredItem", id = "alwaysFails", retryInitialDelay = "1s", retryMultiplier = "1")
		void alwaysFails(EntityEvent<Map<String, Object>> event) {
			throw new IllegalStateException("always failing on purpose");
		}

		@Listener(value = "MeteredItem", id = "idempotent", idempotent = true)
		void idempotent(EntityEvent<Map<String, Object>> event) {
		}

	}

}
