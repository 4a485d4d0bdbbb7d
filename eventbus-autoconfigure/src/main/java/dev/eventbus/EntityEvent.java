package dev.eventbus;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An event as a listener receives it: the envelope of the message with the payload converted
 * to the listener's type. The events of {@link PublishEvents} entities and the domain events
 * published with {@link EventBus} (or as a {@link PublishedEvent}) share it.
 *
 * @param eventId the unique id of the event
 * @param channel the channel, for example {@code Order}
 * @param actionName what happened, in wire form: {@code created}, {@code updated},
 * {@code deleted}, or a custom action such as {@code issued}
 * @param entityType the entity's JPA entity name, for example {@code Order}; for a domain event
 * the simple name of the published payload's class (the channel for a {@code Map} payload)
 * @param entityId the entity's id as text; for a domain event its key, {@code null} without one
 * @param occurredAt when the change was captured
 * @param publisher the publishing application: its {@code eventbus.publish.publisher}, else its
 * {@code spring.application.name}; {@code null} if it had neither
 * @param version the envelope format version
 * @param entityVersion the entity's JPA {@code @Version} value after the change, as read from the
 * JSON: an {@link Integer} or {@link Long} for a numeric version, a {@link String} (ISO-8601) for a
 * timestamp version; {@code null} if the entity has no version, and for a domain event
 * @param payload the entity's published state, or the domain event's data
 * @param changes for {@link Action#UPDATED}, the changed attributes with old and new values;
 * empty otherwise
 * @param <T> the payload type
 */
public record EntityEvent<T>(String eventId, String channel, String actionName, String entityType,
		@Nullable String entityId, Instant occurredAt, @Nullable String publisher, int version,
		@Nullable Object entityVersion, T payload, Map<String, Change> changes) {

	/**
	 * Creates the event of an entity action.
	 * @param eventId the unique id of the event
	 * @param channel the channel
	 * @param action what happened
	 * @param entityType the entity name
	 * @param entityId the entity's id as text
	 * @param occurredAt when the change was captured
	 * @param publisher the publishing application, if known
	 * @param version the envelope format version
	 * @param entityVersion the entity's version, if any
	 * @param payload the entity's published state
	 * @param changes the changed attributes of an update
	 */
	public EntityEvent(String eventId, String channel, Action action, String entityType, @Nullable String entityId,
			Instant occurredAt, @Nullable String publisher, int version, @Nullable Object entityVersion, T payload,
			Map<String, Change> changes) {
		this(eventId, channel, action.wireName(), entityType, entityId, occurredAt, publisher, version, entityVersion,
				payload, changes);
	}

	/**
	 * What happened to the entity. A listener receives a custom action only where it names it
	 * ({@link Listener#customActions()}), and such a listener reads it with {@link #actionName()}.
	 * @return the entity action
	 * @throws IllegalStateException if the event has a custom action, which no {@link Action}
	 * constant stands for
	 */
	public Action action() {
		if (!isEntityAction()) {
			throw new IllegalStateException("The event has the custom action '" + this.actionName
					+ "', which no Action constant stands for; read it with actionName()");
		}
		return Action.fromWireName(this.actionName);
	}

	/**
	 * Whether the event has one of the entity actions {@code created}, {@code updated} and
	 * {@code deleted}, which {@link #action()} returns.
	 * @return {@code false} for a custom action
	 */
	public boolean isEntityAction() {
		for (Action action : Action.values()) {
			if (action.wireName().equals(this.actionName)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The old and new value of one changed attribute.
	 *
	 * @param oldValue the value before the update (on the wire: {@code old})
	 * @param newValue the value after the update (on the wire: {@code new})
	 */
	public record Change(@Nullable Object oldValue, @Nullable Object newValue) {
	}

}
