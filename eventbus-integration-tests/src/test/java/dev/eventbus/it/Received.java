package dev.eventbus.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;

/**
 * What the test listeners received, thread-safe.
 */
public final class Received {

	/** One invocation of a listener. */
	public record Call(String listener, String channel, Action action, String entityId, Object payload,
			Map<String, EntityEvent.Change> changes) {
	}

	private final List<Call> calls = new ArrayList<>();

	public synchronized void add(Call call) {
		this.calls.add(call);
	}

	public synchronized List<Call> of(String listener, String entityId) {
		return this.calls.stream().filter((c) -> c.listener().equals(listener) && c.entityId().equals(entityId)).toList();
	}

	public synchronized List<Call> matching(Predicate<Call> filter) {
		return this.calls.stream().filter(filter).toList();
	}

}
