package dev.eventbus.capture;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.type.CollectionType;
import org.hibernate.type.ComponentType;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * Turns Hibernate's state arrays into the published form of an entity: basic and embedded
 * attributes by name, to-one associations as the target's id, collections left out, excluded
 * attributes never written. Never initializes a lazy association.
 */
final class EntityStateReader {

	private EntityStateReader() {
	}

	static Map<String, @Nullable Object> payload(EntityPersister persister, Object id, Object[] state,
			Set<String> excluded, SharedSessionContractImplementor session) {
		Map<String, @Nullable Object> payload = new LinkedHashMap<>();
		String idName = persister.getIdentifierPropertyName();
		if (idName != null && !excluded.contains(idName)) {
			payload.put(idName, id);
		}
		String[] names = persister.getPropertyNames();
		Type[] types = persister.getPropertyTypes();
		for (int i = 0; i < names.length; i++) {
			if (isPublished(names[i], types[i], excluded)) {
				payload.put(names[i], value(types[i], state[i], session));
			}
		}
		return payload;
	}

	static boolean isPublished(String name, Type type, Set<String> excluded) {
		return !(type instanceof CollectionType) && !excluded.contains(name);
	}

	static @Nullable Object value(Type type, @Nullable Object value, SharedSessionContractImplementor session) {
		if (value == null) {
			return null;
		}
		if (type instanceof EntityType) {
			return associationId(value, session);
		}
		if (type instanceof ComponentType component) {
			return component(component, value, session);
		}
		return value;
	}

	private static Map<String, @Nullable Object> component(ComponentType type, Object value,
			SharedSessionContractImplementor session) {
		String[] names = type.getPropertyNames();
		Type[] types = type.getSubtypes();
		@Nullable Object[] values = type.getPropertyValues(value, session);
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = 0; i < names.length; i++) {
			if (!(types[i] instanceof CollectionType)) {
				map.put(names[i], value(types[i], values[i], session));
			}
		}
		return map;
	}

	private static @Nullable Object associationId(Object value, SharedSessionContractImplementor session) {
		if (value instanceof HibernateProxy proxy) {
			return proxy.getHibernateLazyInitializer().getIdentifier();
		}
		return session.getEntityPersister(null, value).getIdentifier(value, session);
	}

}
