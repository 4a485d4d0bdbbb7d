package dev.eventbus.consume;

import dev.eventbus.provision.ListenerQueue;

/**
 * A {@link dev.eventbus.Listener} method as the application runs it: what it listens to and
 * where its messages come from. Operations (health, the {@code eventbus} Actuator endpoint,
 * dead-letter redrive and replay) find listeners through {@link ListenerContainers#listeners()}.
 *
 * @param info the listener's id, channel, actions and method
 * @param queue its queue, the topic it is subscribed to and its dead-letter queue
 * @param idempotent whether it skips events it handled before (its inbox)
 * @param rawDelivery whether its queue receives raw messages rather than SNS notifications
 * ({@code eventbus.consume.raw-delivery})
 */
public record RegisteredListener(ListenerInfo info, ListenerQueue queue, boolean idempotent, boolean rawDelivery) {

	/**
	 * The message attribute in which eventbus records why it moved a message to a dead-letter queue.
	 * Messages SQS moved itself (after {@code max-receive-count} deliveries) have none.
	 */
	public static final String DEAD_LETTER_REASON_ATTRIBUTE = "eventbus-error";

	/**
	 * The listener id.
	 * @return the id
	 */
	public String id() {
		return this.info.id();
	}

}
