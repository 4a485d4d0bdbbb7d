package dev.eventbus.capture;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.eventbus.Action;
import dev.eventbus.PublishEvents;

/**
 * What {@link PublishEvents} says about one entity class: its channel, the published actions
 * and the excluded attributes.
 *
 * @param channel the channel of the entity's events
 * @param actions the actions to publish
 * @param excluded attribute names never written to an event
 */
record PublishedEntity(String channel, Set<Action> actions, Set<String> excluded) {

	private static final ClassValue<@Nullable PublishedEntity> CACHE = new ClassValue<>() {
		@Override
		protected @Nullable PublishedEntity computeValue(Class<?> type) {
			return read(type);
		}
	};

	/**
	 * The publishing settings of an entity class, or {@code null} when it does not publish.
	 * @param type the mapped entity class
	 * @param entityName the JPA entity name ({@code @Entity(name)}, else the simple class name),
	 * the default channel
	 * @return the settings or {@code null}
	 */
	static @Nullable PublishedEntity of(Class<?> type, String entityName) {
		PublishedEntity entity = CACHE.get(type);
		if (entity == null || !entity.channel.isEmpty()) {
			return entity;
		}
		return new PublishedEntity(entityName, entity.actions, entity.excluded);
	}

	boolean publishes(Action action) {
		return this.actions.contains(action);
	}

	/**
	 * The class that carries the {@link PublishEvents} annotation of an entity class: the class
	 * itself or its nearest annotated superclass.
	 * @param type the mapped entity class
	 * @return the annotated class or {@code null} when the entity does not publish
	 */
	static @Nullable Class<?> annotatedClass(Class<?> type) {
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			if (c.isAnnotationPresent(PublishEvents.class)) {
				return c;
			}
		}
		return null;
	}

	private static @Nullable PublishedEntity read(Class<?> type) {
		Class<?> annotated = annotatedClass(type);
		if (annotated == null) {
			return null;
		}
		PublishEvents annotation = annotated.getAnnotation(PublishEvents.class);
		Set<Action> actions = EnumSet.noneOf(Action.class);
		actions.addAll(List.of(annotation.actions()));
		return new PublishedEntity(annotation.value(), Set.copyOf(actions), Set.copyOf(List.of(annotation.exclude())));
	}

}
