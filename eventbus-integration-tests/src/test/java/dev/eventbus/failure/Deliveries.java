package dev.eventbus.failure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.eventbus.EntityEvent;

/**
 * What a test listener received: one entry per invocation, thread-safe.
 */
public final class Deliveries {

	/**
	 * One invocation of a listener method.
	 *
	 * @param eventId the event id
	 * @param entityId the entity id
	 * @param thread the thread that ran the listener
	 */
	public record Delivery(String eventId, String entityId, String thread) {
	}

	private final List<Delivery> deliveries = new ArrayList<>();

	public void add(EntityEvent<?> event) {
		add(new Delivery(event.eventId(), String.valueOf(event.entityId()), Thread.currentThread().getName()));
	}

	public synchronized void add(Delivery delivery) {
		this.deliveries.add(delivery);
	}

	/** How many times the listener ran. */
	public synchronized int count() {
		return this.deliveries.size();
	}

	public synchronized List<Delivery> all() {
		return List.copyOf(this.deliveries);
	}

	public synchronized List<Delivery> matching(Predicate<Delivery> filter) {
		return this.deliveries.stream().filter(filter).toList();
	}

	/** The distinct entity ids received. */
	public synchronized Set<String> entityIds() {
		Set<String> ids = new HashSet<>();
		this.deliveries.forEach((delivery) -> ids.add(delivery.entityId()));
		return ids;
	}

	/** The distinct event ids received. */
	public synchronized Set<String> eventIds() {
		Set<String> ids = new HashSet<>();
		this.deliveries.forEach((delivery) -> ids.add(delivery.eventId()));
		return ids;
	}

}
