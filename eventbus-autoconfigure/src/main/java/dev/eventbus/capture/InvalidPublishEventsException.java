package dev.eventbus.capture;

import java.util.List;

/**
 * A {@link dev.eventbus.PublishEvents} annotation that cannot be what its author meant: it
 * excludes attributes the entity does not have (a typo would otherwise publish the attribute it
 * was meant to hide), or it publishes no action.
 */
public class InvalidPublishEventsException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String entityClass;

	private final List<String> unknownExcludes;

	private final List<String> attributes;

	InvalidPublishEventsException(String entityClass, String problem, List<String> unknownExcludes,
			List<String> attributes) {
		super("@PublishEvents on " + entityClass + " " + problem);
		this.entityClass = entityClass;
		this.unknownExcludes = List.copyOf(unknownExcludes);
		this.attributes = List.copyOf(attributes);
	}

	/**
	 * The class that carries the annotation.
	 * @return the fully qualified class name
	 */
	public String getEntityClass() {
		return this.entityClass;
	}

	/**
	 * The names in {@code exclude} that are no attribute of the entity.
	 * @return the unknown names, empty when the problem is another one
	 */
	public List<String> getUnknownExcludes() {
		return this.unknownExcludes;
	}

	/**
	 * The attributes the entity has (of every mapped entity that inherits the annotation).
	 * @return the attribute names, sorted
	 */
	public List<String> getAttributes() {
		return this.attributes;
	}

}
