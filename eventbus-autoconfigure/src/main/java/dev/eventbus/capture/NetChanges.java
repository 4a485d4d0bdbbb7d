package dev.eventbus.capture;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.eventbus.outbox.OutboxEvent;

import dev.eventbus.capture.EntityChange.Net;
import dev.eventbus.capture.EventFactory.Stamp;

/**
 * Folds the changes of each entity in one transaction into one net event, in place: the net event
 * of an entity sits where its first change sits among the transaction's events (domain events
 * published in between keep their place before or after it) and keeps the event id and
 * {@code occurredAt} of that first change, so the outbox order, the ids and the times still agree.
 * A change that cancels out leaves an empty slot, which the outbox skips.
 */
final class NetChanges {

	private final EventFactory factory;

	private final Map<Key, Slot> slots = new HashMap<>();

	NetChanges(EventFactory factory) {
		this.factory = factory;
	}

	/**
	 * Adds a change, folding it into the earlier change of the same entity if there is one.
	 * @param change the change
	 * @param events the transaction's events so far, {@code null} where a change cancelled out
	 */
	void add(EntityChange change, List<@Nullable OutboxEvent> events) {
		Key key = new Key(change.entity().channel(), change.entityType(), change.entityId());
		Slot slot = this.slots.get(key);
		if (slot != null) {
			Net net = slot.change.then(change);
			if (!net.separate()) {
				EntityChange folded = net.change();
				if (folded == null) {
					this.slots.remove(key);
					events.set(slot.index, null);
				}
				else {
					slot.change = folded;
					events.set(slot.index, folded.published() ? this.factory.create(folded, slot.stamp) : null);
				}
				return;
			}
		}
		Stamp stamp = this.factory.stamp();
		this.slots.put(key, new Slot(events.size(), change, stamp));
		events.add(change.published() ? this.factory.create(change, stamp) : null);
	}

	private record Key(String channel, String entityType, String entityId) {
	}

	/** Where an entity's net event sits, what it is so far, and the id and time it keeps. */
	private static final class Slot {

		private final int index;

		private final Stamp stamp;

		private EntityChange change;

		Slot(int index, EntityChange change, Stamp stamp) {
			this.index = index;
			this.change = change;
			this.stamp = stamp;
		}

	}

}
