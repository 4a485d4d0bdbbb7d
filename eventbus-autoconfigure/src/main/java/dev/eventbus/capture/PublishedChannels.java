package dev.eventbus.capture;

import java.util.Set;
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

}
