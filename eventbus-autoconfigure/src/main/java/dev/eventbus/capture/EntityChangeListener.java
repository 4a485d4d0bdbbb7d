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
import dev.eventbus.PayloadMapper;

/**
 * Sees every insert, update and delete that Hibernate flushes and, for entities marked with
 * {@link dev.eventbus.PublishEvents}, adds the change in its published form (shaped by the
 * channel's {@link dev.eventbus.PayloadMapper}, if any) to the session's outbox. When changes are
 * folded per transaction, changes of actions the entity does not publish are added too: the net
 * change decides (an insert that is not published, then an update, is still an insert).
 */
final class EntityChangeListener
		implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

	private static final long serialVersionUID = 1L;

	private final transient SessionOutbox.Registry outboxes;

	private final transient PayloadMappers mappers;

	EntityChangeListener(SessionOutbox.Registry outboxes, PayloadMappers mappers) {
		this.outboxes = outboxes;
		this.mappers = mappers;
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		capture(event, Action.CREATED, event.getState());
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		PublishedEntity entity = published(event.getPersister());
		if (entity == null || !captures(entity, Action.UPDATED)) {
			return;
		}
		Map<String, @Nullable Object> payload = payload(event, entity, event.getState());
		Map<String, Map<String, @Nullable Object>> changes = changes(event, entity, payload);
		// folded, an update of excluded attributes only still brings the final version to the net event
		if (!changes.isEmpty() || this.outboxes.collapses()) {
			add(event, entity, Action.UPDATED, event.getState(), payload, changes);
		}
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		capture(event, Action.DELETED, event.getDeletedState());
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private boolean captures(PublishedEntity entity, Action action) {
		return entity.publishes(action) || this.outboxes.collapses();
	}

	private void capture(AbstractPostDatabaseOperationEvent event, Action action, Object @Nullable [] state) {
		PublishedEntity entity = published(event.getPersister());
		if (entity != null && captures(entity, action) && state != null) {
			add(event, entity, action, state, payload(event, entity, state), null);
		}
	}

	private void add(AbstractPostDatabaseOperationEvent event, PublishedEntity entity, Action action, Object[] state,
			Map<String, @Nullable Object> payload, @Nullable Map<String, Map<String, @Nullable Object>> changes) {
		EntityPersister persister = event.getPersister();
		Object version = persister.isVersioned() ? state[persister.getVersionPropertyIndex()] : null;
		this.outboxes.add(event.getSession(), new EntityChange(entity, action, persister.getJpaEntityName(),
				String.valueOf(event.getId()), version, payload, changes));
	}

	private Map<String, @Nullable Object> payload(AbstractPostDatabaseOperationEvent event, PublishedEntity entity,
			Object[] state) {
		EntityPersister persister = event.getPersister();
		Map<String, @Nullable Object> payload = EntityStateReader.payload(persister, event.getId(), state,
				entity.excluded(), event.getSession());
		PayloadMapper mapper = this.mappers.forChannel(entity.channel());
		return (mapper != null) ? mapper.map(persister.getJpaEntityName(), payload) : payload;
	}

	/** With a mapper: the keys of the mapped payload that changed; else the dirty published attributes. */
	private Map<String, Map<String, @Nullable Object>> changes(PostUpdateEvent event, PublishedEntity entity,
			Map<String, @Nullable Object> payload) {
		if (this.mappers.forChannel(entity.channel()) == null) {
			return attributeChanges(event, entity);
		}
		Object @Nullable [] old = event.getOldState();
		return PayloadMappers.changes((old != null) ? payload(event, entity, old) : Map.of(), payload);
	}

	private static Map<String, Map<String, @Nullable Object>> attributeChanges(PostUpdateEvent event,
			PublishedEntity entity) {
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
				changes.put(names[i],
						EntityChange.change((old != null) ? EntityStateReader.value(types[i], old[i], session) : null,
								EntityStateReader.value(types[i], state[i], session)));
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
