package dev.eventbus.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Checks every {@link dev.eventbus.PublishEvents} annotation of a persistence unit against its
 * Hibernate metamodel once the session factory is built: each name in {@code exclude} must be
 * an attribute of the entity (or of one of the mapped entities that inherit the annotation), and
 * at least one action must be published.
 */
final class PublishedEntityValidator {

	private PublishedEntityValidator() {
	}

	/**
	 * Validates the annotations of the mapped entities.
	 * @param sessionFactory the session factory, built
	 * @throws InvalidPublishEventsException for the first annotation that is wrong
	 */
	static void validate(SessionFactoryImplementor sessionFactory) {
		Map<Class<?>, Set<String>> attributesByAnnotatedClass = new LinkedHashMap<>();
		sessionFactory.getMappingMetamodel().forEachEntityDescriptor((persister) -> {
			Class<?> annotated = PublishedEntity.annotatedClass(persister.getMappedClass());
			if (annotated != null) {
				Set<String> attributes = attributesByAnnotatedClass.computeIfAbsent(annotated,
						(key) -> new TreeSet<>());
				attributes.addAll(attributes(persister));
				// the JPA view adds the attributes of an @IdClass
				EntityType<?> jpa = sessionFactory.getJpaMetamodel().findEntityType(persister.getEntityName());
				if (jpa != null) {
					jpa.getAttributes().stream().map(Attribute::getName).forEach(attributes::add);
				}
			}
		});
		attributesByAnnotatedClass.forEach(PublishedEntityValidator::validate);
	}

	/**
	 * The channels the {@link dev.eventbus.PublishEvents} entities of a session factory publish to.
	 * @param sessionFactory the session factory, built
	 * @return the channels
	 */
	static Set<String> channels(SessionFactoryImplementor sessionFactory) {
		Set<String> channels = new TreeSet<>();
		sessionFactory.getMappingMetamodel().forEachEntityDescriptor((persister) -> {
			PublishedEntity entity = PublishedEntity.of(persister.getMappedClass(), persister.getJpaEntityName());
			if (entity != null) {
				channels.add(entity.channel());
			}
		});
		return channels;
	}

	private static void validate(Class<?> annotated, Set<String> attributes) {
		PublishedEntity entity = PublishedEntity.of(annotated, annotated.getSimpleName());
		if (entity == null) {
			return;
		}
		List<String> unknown = new ArrayList<>(new TreeSet<>(entity.excluded()));
		unknown.removeAll(attributes);
		if (!unknown.isEmpty()) {
			throw new InvalidPublishEventsException(annotated.getName(),
					"excludes " + quoted(unknown) + ", which " + ((unknown.size() == 1) ? "is not an attribute"
							: "are not attributes") + " of the entity: the attribute meant would be published",
					unknown, List.copyOf(attributes));
		}
		if (entity.actions().isEmpty()) {
			throw new InvalidPublishEventsException(annotated.getName(), "publishes no action (actions = {})",
					List.of(), List.copyOf(attributes));
		}
	}

	/** The names a payload can hold, as {@link EntityStateReader} writes them. */
	private static List<String> attributes(EntityPersister persister) {
		List<String> names = new ArrayList<>();
		String id = persister.getIdentifierPropertyName();
		if (id != null) {
			names.add(id);
		}
		for (String name : persister.getPropertyNames()) {
			if (!name.startsWith("_")) {
				names.add(name); // not Hibernate's virtual properties such as _identifierMapper
			}
		}
		return names;
	}

	private static String quoted(List<String> names) {
		return "'" + String.join("', '", names) + "'";
	}

}
