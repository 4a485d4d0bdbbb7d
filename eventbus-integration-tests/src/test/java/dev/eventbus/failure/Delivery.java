package dev.eventbus.failure;

import org.jspecify.annotations.Nullable;

import dev.eventbus.EntityEvent;

/**
 * One invocation of a listener method with an {@link EntityEvent}.
 *
 * @param eventId the event id
 * @param entityId the entity id
 * @param publisher the publisher named in the event, if any
 * @param thread the thread that ran the listener
 */
public record Delivery(String eventId, String entityId, @Nullable String publisher, String thread) {

	/**
	 * The delivery of an event to the listener running on the current thread.
	 * @param event the event
	 * @return the delivery
	 */
	public static Delivery of(EntityEvent<?> event) {
		return new Delivery(event.eventId(), String.valueOf(event.entityId()), event.publisher(),
				Thread.currentThread().getName());
	}

}
