package dev.eventbus.shutdown;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.PublishEvents;

/**
 * An application with a slow listener, closed while the listener runs.
 */
@SpringBootApplication
public class ShutdownApplication {

	/** Started and finished handler runs, by entity id; shared across contexts of the test. */
	public static final Set<String> STARTED = ConcurrentHashMap.newKeySet();

	/** Handler runs that returned normally. */
	public static final Set<String> FINISHED = ConcurrentHashMap.newKeySet();

	/** A published job. */
	@Entity
	@Table(name = "shutdown_jobs")
	@PublishEvents("Job")
	public static class Job {

		@Id
		private UUID id;

		private long millis;

		protected Job() {
		}

		public Job(UUID id, long millis) {
			this.id = id;
			this.millis = millis;
		}

	}

	@Component
	static class SlowListener {

		@Listener(value = "Job", id = "slow")
		void on(EntityEvent<Map<String, Object>> event) throws InterruptedException {
			STARTED.add(event.entityId());
			Thread.sleep(((Number) event.payload().get("millis")).longValue());
			FINISHED.add(event.entityId());
		}

	}

}
