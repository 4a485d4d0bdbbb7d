package dev.eventbus.provision;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.eventbus.Action;

/**
 * What one listener needs provisioned: a queue, its dead-letter queue and a subscription to the
 * topic of its channel.
 *
 * @param listenerId the listener id, which names the queue
 * @param channel the channel the listener listens to
 * @param actions the actions it takes, empty for all
 */
public record QueueRequest(String listenerId, String channel, Set<Action> actions) {

	/**
	 * Creates a request.
	 * @param listenerId the listener id, which names the queue
	 * @param channel the channel the listener listens to
	 * @param actions the actions it takes, empty for all
	 */
	public QueueRequest {
		actions = Set.copyOf(actions);
	}

	/**
	 * The values of the {@code action} message attribute the listener's subscription lets through
	 * (its filter policy). A listener that names no actions gets all the actions it can bind, so
	 * an action it does not know (a custom action of a newer publisher) is dropped instead of
	 * reaching its queue as poison.
	 * @return the wire names, sorted
	 */
	public List<String> deliveredActions() {
		return deliveredActions(this.actions);
	}

	/**
	 * The {@code action} values a subscription lets through for a listener that takes the given actions.
	 * @param actions the actions the listener takes, empty for all
	 * @return the wire names, sorted
	 * @see #deliveredActions()
	 */
	public static List<String> deliveredActions(Collection<Action> actions) {
		return (actions.isEmpty() ? List.of(Action.values()) : actions).stream()
			.distinct()
			.sorted()
			.map(Action::wireName)
			.toList();
	}

}
