package dev.eventbus.fifo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * An application on FIFO topics and queues.
 */
@SpringBootApplication
public class FifoApplication {

	/** A counter whose every update is an event. */
	@Entity
	@Table(name = "fifo_counters")
	@PublishEvents("Counter")
	public static class Counter {

		@Id
		private UUID id;

		private int step;

		protected Counter() {
		}

		public Counter(UUID id) {
			this.id = id;
		}

		public UUID getId() {
			return this.id;
		}

		public void next() {
			this.step++;
		}

	}

	/** Records the steps in the order the listener saw them, per counter. */
	@Component
	public static class Steps {

		private final Map<String, List<Integer>> seen = new ConcurrentHashMap<>();

		@Listener(value = "Counter", id = "steps", concurrency = 8)
		void on(EntityEvent<Map<String, Object>> event) throws InterruptedException {
			List<Integer> steps = this.seen.computeIfAbsent(event.entityId(), (id) -> new ArrayList<>());
			synchronized (steps) {
				steps.add(((Number) event.payload().get("step")).intValue());
			}
			Thread.sleep(2);
		}

		public List<Integer> of(UUID id) {
			List<Integer> steps = this.seen.getOrDefault(id.toString(), List.of());
			synchronized (steps) {
				return List.copyOf(steps);
			}
		}

		public int total() {
			return this.seen.values().stream().mapToInt(List::size).sum();
		}

	}

}
