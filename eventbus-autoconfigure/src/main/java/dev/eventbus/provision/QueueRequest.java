package dev.eventbus.provision;

import java.util.Set;

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

}
