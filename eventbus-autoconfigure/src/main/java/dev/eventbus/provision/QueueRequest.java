package dev.eventbus.provision;

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

}
