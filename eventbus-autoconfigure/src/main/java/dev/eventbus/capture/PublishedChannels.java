package dev.eventbus.capture;

import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;

/**
 * The channels that the {@link dev.eventbus.PublishEvents} entities of a persistence unit
 * publish to.
 */
public final class PublishedChannels {

	private PublishedChannels() {
	}

	/**
	 * The channels of the entities of a persistence unit.
	 * @param entityManagerFactory the persistence unit
	 * @return the channel names, sorted
	 */
	public static Set<String> of(EntityManagerFactory entityManagerFactory) {
		Set<String> channels = new TreeSet<>();
		for (EntityType<?> entity : entityManagerFactory.getMetamodel().getEntities()) {
			PublishedEntity published = PublishedEntity.of(entity.getJavaType(), entity.getName());
			if (published != null) {
				channels.add(published.channel());
			}
		}
		return channels;
	}

	/**
	 * The {@link dev.eventbus.PublishEvents} entity classes of a persistence unit, by the channel
	 * they publish to.
	 * @param entityManagerFactory the persistence unit
	 * @return the entity class names of each channel, both sorted
	 */
	public static Map<String, SortedSet<String>> entities(EntityManagerFactory entityManagerFactory) {
		Map<String, SortedSet<String>> entities = new TreeMap<>();
		for (EntityType<?> entity : entityManagerFactory.getMetamodel().getEntities()) {
			PublishedEntity published = PublishedEntity.of(entity.getJavaType(), entity.getName());
			if (published != null) {
				entities.computeIfAbsent(published.channel(), (channel) -> new TreeSet<>())
					.add(entity.getJavaType().getName());
			}
		}
		return entities;
	}

}
