package dev.eventbus.operations;

import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.consume.RegisteredListener;

/**
 * Finds a listener by id for an operation, or fails with {@link UnknownListenerException}.
 */
final class Listeners {

	private final ListenerContainers containers;

	Listeners(ListenerContainers containers) {
		this.containers = containers;
	}

	RegisteredListener get(String id) {
		return this.containers.listener(id)
			.orElseThrow(() -> new UnknownListenerException(id,
					this.containers.listeners().stream().map(RegisteredListener::id).toList()));
	}

}
