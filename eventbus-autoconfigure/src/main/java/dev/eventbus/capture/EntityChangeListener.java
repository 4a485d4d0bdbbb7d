package dev.eventbus.capture;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.AbstractPostDatabaseOperationEvent;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

import dev.eventbus.Action;

/**
 * Sees every insert, update and delete that Hibernate flushes and, for entities marked with
 * {@link dev.eventbus.PublishEvents}, adds an event to the session's outbox.
 */
final class EntityChangeListener
		implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

	private static final long serialVersionUID = 1L;

	private final transient EventFactory events;

	private final transient SessionOutbox.Registry outboxes;

	EntityChangeListener(EventFactory events, SessionOutbox.Registry outboxes) {
		this.events = events;
		this.outboxes = outboxes;
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		capture(event, Action.CREATED, event.getState(), null);
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		PublishedEntity entity = published(event.getPersister());
		if (entity == null || !entity.publishes(Action.UPDATED)) {
			return;
		}
		Map<String, Map<String, @Nullable Object>> changes = changes(event, entity);
		if (!changes.isEmpty()) {
			capture(event, Action.UPDATED, event.getState(), changes);
		}
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		capture(event, Action.DELETED, event.getDeletedState(), null);
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private void capture(AbstractPostDatabaseOperationEvent event, Action action, Object @Nullable [] state,
			@Nullable Map<String, Map<String, @Nullable Object>> changes) {
		EntityPersister persister = event.getPersister();
		PublishedEntity entity = published(persister);
		if (entity == null || !entity.publishes(action) || state == null) {
			return;
		}
		SharedSessionContractImplementor session = event.getSession();
		Object id = event.getId();
		Object version = persister.isVersioned() ? state[persister.getVersionPropertyIndex()] : null;
		this.outboxes.add(session,
				this.events.create(entity.channel(), action, persister.getJpaEntityName(), String.valueOf(id), version,
						EntityStateReader.payload(persister, id, state, entity.excluded(), session), changes));
	}

	private static Map<String, Map<String, @Nullable Object>> changes(PostUpdateEvent event, PublishedEntity entity) {
		EntityPersister persister = event.getPersister();
		String[] names = persister.getPropertyNames();
		Type[] types = persister.getPropertyTypes();
		Object[] state = event.getState();
		Object @Nullable [] old = event.getOldState();
		int[] dirty = event.getDirtyProperties();
		int versionIndex = persister.isVersioned() ? persister.getVersionPropertyIndex() : -1;
		SharedSessionContractImplementor session = event.getSession();
		Map<String, Map<String, @Nullable Object>> changes = new LinkedHashMap<>();
		for (int i = 0; i < names.length; i++) {
			if (i == versionIndex || !EntityStateReader.isPublished(names[i], types[i], entity.excluded())) {
				continue;
			}
			boolean changed = (dirty != null) ? contains(dirty, i)
					: (old == null || !types[i].isSame(old[i], state[i]));
			if (changed) {
				Map<String, @Nullable Object> change = new LinkedHashMap<>(2);
				change.put("old", (old != null) ? EntityStateReader.value(types[i], old[i], session) : null);
				change.put("new", EntityStateReader.value(types[i], state[i], session));
				changes.put(names[i], change);
			}
		}
		return changes;
	}

	private static @Nullable PublishedEntity published(EntityPersister persister) {
		return PublishedEntity.of(persister.getMappedClass(), persister.getJpaEntityName());
	}

	private static boolean contains(int[] values, int value) {
		for (int v : values) {
			if (v == value) {
				return true;
			}
		}
		return false;
	}

}
