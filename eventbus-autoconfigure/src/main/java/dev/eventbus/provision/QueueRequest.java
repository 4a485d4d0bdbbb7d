package dev.eventbus.provision;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.eventbus.message.ActionNames;

/**
 * What one listener needs provisioned: a queue, its dead-letter queue and a subscription to the
 * topic of its channel.
 *
 * @param listenerId the listener id, which names the queue
 * @param channel the channel the listener listens to
 * @param actions the actions it takes in wire form, empty for the entity actions
 */
public record QueueRequest(String listenerId, String channel, Set<String> actions) {

	/**
	 * Creates a request.
	 * @param listenerId the listener id, which names the queue
	 * @param channel the channel the listener listens to
	 * @param actions the actions it takes in wire form, empty for the entity actions
	 */
	public QueueRequest {
		actions = Set.copyOf(actions);
	}

	/**
	 * The values of the {@code action} message attribute the listener's subscription lets through
	 * (its filter policy): the actions it names in wire form, the entity actions first in their
	 * order ({@code created}, {@code updated}, {@code deleted}, as the policies of earlier versions
	 * list them, so that these stay unchanged), then the custom ones sorted. A listener that names
	 * no actions gets the entity actions, so an action it does not know (a custom action it does
	 * not name) is dropped instead of reaching its queue as poison.
	 * @return the wire names in that order
	 */
	public List<String> deliveredActions() {
		return deliveredActions(this.actions);
	}

	/**
	 * The {@code action} values a subscription lets through for a listener that takes the given actions.
	 * @param actions the actions the listener takes in wire form, empty for the entity actions
	 * @return the wire names, in the order of {@link #deliveredActions()}
	 * @see #deliveredActions()
	 */
	public static List<String> deliveredActions(Collection<String> actions) {
		return (actions.isEmpty() ? ActionNames.entityActions() : actions).stream()
			.distinct()
			.sorted(ActionNames.ORDER)
			.toList();
	}

}
