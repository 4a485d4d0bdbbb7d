package dev.eventbus.shutdown;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.PublishEvents;
import dev.eventbus.consume.ListenerConfigurer;

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

	/**
	 * With {@code it.shutdown.hold-acknowledgements=true}: Spring Cloud AWS sends the deletions
	 * only in batches of 10 or after a minute, so those of a few messages are still waiting when the
	 * context closes.
	 * @return the configurer
	 */
	@Bean
	@ConditionalOnBooleanProperty("it.shutdown.hold-acknowledgements")
	ListenerConfigurer holdAcknowledgements() {
		return (listener, options) -> options.acknowledgementInterval(Duration.ofMinutes(1)).acknowledgementThreshold(10);
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
