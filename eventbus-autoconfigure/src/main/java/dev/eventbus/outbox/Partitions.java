package dev.eventbus.outbox;

/**
 * The partitions of the outbox. Every event belongs to the partition of its ordering key
 * ({@code channel:entityId}), so all events of one entity are in one partition. Each partition
 * is relayed by one instance at a time (the holder of its lease), in id order, which keeps the
 * events of an entity in order across instances without locking rows.
 * <p>
 * The number of partitions is fixed: a different number would put the events of one entity
 * in another partition, and two instances could then relay them at the same time. It bounds
 * how many instances share the relaying (more instances than partitions stand by).
 */
public final class Partitions {

	/** The number of partitions. */
	public static final int COUNT = 16;

	private Partitions() {
	}

	/**
	 * The partition of an ordering key: a stable hash ({@link String#hashCode()}, which the
	 * Java language specification defines), the same in every JVM and version.
	 * @param orderingKey the ordering key
	 * @return the partition, from 0 to {@link #COUNT} - 1
	 */
	public static int of(String orderingKey) {
		return Math.floorMod(orderingKey.hashCode(), COUNT);
	}

}
