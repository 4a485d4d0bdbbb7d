package dev.eventbus.consume;

import java.util.Set;

import dev.eventbus.Action;
import dev.eventbus.provision.ListenerQueue;

/**
 * A running {@link dev.eventbus.Listener} method and its SQS resources, as operations tools (the
 * {@code eventbus} Actuator endpoint, dead-letter redrive, replay) look it up by id from
 * {@link ListenerContainers#listener(String)}.
 *
 * @param id the listener id
 * @param channel the channel it listens to
 * @param actions the actions its subscription lets through, empty for all
 * @param idempotent whether it skips events it handled before (its inbox)
 * @param rawDelivery whether its queue receives raw messages rather than SNS notifications
 * ({@code eventbus.consume.raw-delivery})
 * @param queue its queue, the topic the queue is subscribed to and its dead-letter queue
 */
public record RegisteredListener(String id, String channel, Set<Action> actions, boolean idempotent,
		boolean rawDelivery, ListenerQueue queue) {

	/**
	 * The message attribute in which eventbus records why it moved a message to a dead-letter queue.
	 * Messages SQS moved itself (after {@code max-receive-count} deliveries) have none.
	 */
	public static final String DEAD_LETTER_REASON_ATTRIBUTE = "eventbus-error";

	/**
	 * Creates the description.
	 * @param id the listener id
	 * @param channel the channel
	 * @param actions the actions, empty for all
	 * @param idempotent whether it skips events it handled before
	 * @param rawDelivery whether its queue receives raw messages
	 * @param queue its SQS resources
	 */
	public RegisteredListener {
		actions = Set.copyOf(actions);
	}

}
