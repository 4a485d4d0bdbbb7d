package dev.eventbus.retry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

/**
 * An application whose listeners fail on purpose.
 */
@SpringBootApplication
public class RetryApplication {

	/** Calls per listener and entity id. */
	public static final class Calls {

		private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

		void add(String listener, String id) {
			this.counts.computeIfAbsent(listener + "/" + id, (key) -> new AtomicInteger()).incrementAndGet();
		}

		public int of(String listener, Object id) {
			AtomicInteger count = this.counts.get(listener + "/" + id);
			return (count != null) ? count.get() : 0;
		}

	}

	@Bean
	Calls calls() {
		return new Calls();
	}

	/** Thrown for events retrying cannot fix. */
	public static class BadOrderException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BadOrderException(String message) {
			super(message);
		}

	}

	@Component
	static class FlakyListeners {

		private final Calls calls;

		FlakyListeners(Calls calls) {
			this.calls = calls;
		}

		@Listener(value = "RetryItem", id = "failsTwice", retryInitialDelay = "1s", retryMultiplier = "1")
		void failsTwice(EntityEvent<Map<String, Object>> event) {
			this.calls.add("failsTwice", event.entityId());
			if (this.calls.of("failsTwice", event.entityId()) <= 2) {
				throw new IllegalStateException("failing on purpose");
			}
		}

		@Listener(value = "RetryItem", id = "alwaysFails", retryInitialDelay = "1s", retryMultiplier = "1")
		void alwaysFails(EntityEvent<Map<String, Object>> event) {
			this.calls.add("alwaysFails", event.entityId());
			throw new IllegalStateException("always failing on purpose");
		}

		@Listener(value = "RetryItem", id = "rejects", noRetryFor = BadOrderException.class)
		void rejects(EntityEvent<Map<String, Object>> event) {
			this.calls.add("rejects", event.entityId());
			throw new BadOrderException("cannot be handled, ever");
		}

		@Listener(value = "RetryItem", id = "idempotent", idempotent = true)
		void idempotent(EntityEvent<Map<String, Object>> event) {
			this.calls.add("idempotent", event.entityId());
		}

		@Listener(value = "RetryItem", id = "slow", concurrency = 4)
		void slow(EntityEvent<Map<String, Object>> event) throws InterruptedException {
			this.calls.add("slow", event.entityId());
			Thread.sleep(5000);
		}

	}

}
