package dev.eventbus.capture;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.eventbus.Action;

/**
 * One flushed change of a {@link dev.eventbus.PublishEvents} entity in its published form, before
 * it becomes an outbox event, and the rules that fold the changes of one entity in one
 * transaction into its net change.
 *
 * @param entity what the entity's annotation says
 * @param action the action
 * @param entityType the JPA entity name
 * @param entityId the entity id as text
 * @param version the entity's {@code @Version} after the change, if versioned
 * @param payload the published state (after the change; the last state for a delete)
 * @param changes the changed attributes of an update, {@code null} for the other actions
 */
record EntityChange(PublishedEntity entity, Action action, String entityType, String entityId,
		@Nullable Object version, Map<String, @Nullable Object> payload,
		@Nullable Map<String, Map<String, @Nullable Object>> changes) {

	/**
	 * Whether the change makes an event: its action is published and an update changed a
	 * published attribute.
	 * @return whether to publish it
	 */
	boolean published() {
		return this.entity.publishes(this.action) && (this.changes == null || !this.changes.isEmpty());
	}

	/**
	 * This change followed by a later change of the same entity in the same transaction.
	 * @param next the later change
	 * @return the net change, {@link Net#NOTHING} when the entity was created and deleted
	 * again, {@link Net#SEPARATE} when the later change starts a new life of the entity (a
	 * delete followed by an insert with the same id), which is kept as an event of its own
	 */
	Net then(EntityChange next) {
		return switch (this.action) {
			case CREATED -> switch (next.action) {
				case UPDATED -> new Net(new EntityChange(this.entity, Action.CREATED, next.entityType, this.entityId,
						next.version, next.payload, null));
				case DELETED -> Net.NOTHING;
				case CREATED -> Net.SEPARATE;
			};
			case UPDATED -> switch (next.action) {
				case UPDATED -> new Net(new EntityChange(this.entity, Action.UPDATED, next.entityType, this.entityId,
						next.version, next.payload, merge(this.changes, next.changes)));
				case DELETED -> new Net(next);
				case CREATED -> Net.SEPARATE;
			};
			case DELETED -> Net.SEPARATE;
		};
	}

	/** The first old and the last new value of each attribute; those back at their old value drop out. */
	private static Map<String, Map<String, @Nullable Object>> merge(
			@Nullable Map<String, Map<String, @Nullable Object>> first,
			@Nullable Map<String, Map<String, @Nullable Object>> next) {
		Map<String, Map<String, @Nullable Object>> merged = new LinkedHashMap<>();
		if (first != null) {
			merged.putAll(first);
		}
		if (next != null) {
			next.forEach((name, change) -> {
				Map<String, @Nullable Object> earlier = merged.get(name);
				merged.put(name, (earlier != null) ? change(earlier.get("old"), change.get("new")) : change);
			});
		}
		merged.values().removeIf((change) -> same(change.get("old"), change.get("new")));
		return merged;
	}

	/**
	 * An entry of {@code changes}.
	 * @param oldValue the value before
	 * @param newValue the value after
	 * @return the entry, with explicit nulls
	 */
	static Map<String, @Nullable Object> change(@Nullable Object oldValue, @Nullable Object newValue) {
		Map<String, @Nullable Object> change = new LinkedHashMap<>(2);
		change.put("old", oldValue);
		change.put("new", newValue);
		return change;
	}

	/**
	 * Whether two published values are the same value: {@code 1.5} and {@code 1.50} are, and
	 * arrays are compared by content.
	 * @param a a value
	 * @param b another value
	 * @return whether they are the same
	 */
	static boolean same(@Nullable Object a, @Nullable Object b) {
		if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
			return x.compareTo(y) == 0;
		}
		if (a != null && b != null && a.getClass().isArray() && b.getClass().isArray()) {
			return Arrays.deepEquals(new Object[] { a }, new Object[] { b });
		}
		return Objects.equals(a, b);
	}

	/**
	 * The outcome of {@link #then(EntityChange)}.
	 *
	 * @param separate whether the later change is kept as a change of its own
	 * @param change the net change, or {@code null} for {@link #NOTHING} and {@link #SEPARATE}
	 */
	record Net(boolean separate, @Nullable EntityChange change) {

		/** Created and deleted in the transaction: no event. */
		static final Net NOTHING = new Net(false, null);

		/** Deleted, then inserted again with the same id: the insert is an event of its own. */
		static final Net SEPARATE = new Net(true, null);

		Net(EntityChange change) {
			this(false, change);
		}

	}

}
