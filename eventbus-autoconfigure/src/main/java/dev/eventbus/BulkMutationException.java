package dev.eventbus;

/**
 * A JPQL, HQL or Criteria bulk {@code update}, {@code delete} or {@code insert} statement that
 * targets a {@link PublishEvents} entity was refused before it ran. Such statements change rows
 * without Hibernate's entity events, so eventbus could not publish the change: load and change the
 * entities through the {@code EntityManager} instead (every change is then published), publish the
 * events yourself in the same transaction, or allow bulk statements knowingly with
 * {@code eventbus.publish.allow-bulk-mutations=true} (their changes are then not published).
 */
public class BulkMutationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String entityName;

	private final String channel;

	/**
	 * Creates the exception.
	 * @param statement the kind of statement: {@code update}, {@code delete} or {@code insert}
	 * @param entityName the JPA entity name of the statement's target
	 * @param publishedEntity the {@link PublishEvents} entity the statement would change (the
	 * target or one of its subclasses)
	 * @param channel the channel of that entity
	 */
	public BulkMutationException(String statement, String entityName, String publishedEntity, String channel) {
		super("Bulk " + statement + " of " + entityName + " refused: it would change " + publishedEntity
				+ " (@PublishEvents, channel '" + channel + "') without publishing an event. Load the entities and "
				+ "change them through the EntityManager, or publish the events yourself in the same transaction; "
				+ "set eventbus.publish.allow-bulk-mutations=true to run bulk statements knowing their changes are "
				+ "not published");
		this.entityName = entityName;
		this.channel = channel;
	}

	/**
	 * The JPA entity name the statement targets.
	 * @return the entity name
	 */
	public String getEntityName() {
		return this.entityName;
	}

	/**
	 * The channel whose events the statement would have bypassed.
	 * @return the channel
	 */
	public String getChannel() {
		return this.channel;
	}

}
