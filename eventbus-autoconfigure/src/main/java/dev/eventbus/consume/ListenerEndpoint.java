package dev.eventbus.consume;

import java.lang.reflect.Method;
import java.util.Set;

import dev.eventbus.message.ActionNames;

/**
 * One {@link dev.eventbus.Listener} method found at start-up, with its settings resolved: the
 * annotation's attributes over the configured defaults ({@link ListenerEndpointFactory}).
 *
 * @param id the listener id (part of the queue name)
 * @param channel the channel
 * @param actions the actions it receives in wire form, entity actions first; empty for the entity
 * actions
 * @param concurrency messages handled at once
 * @param idempotent whether redelivered events are skipped (its inbox exists)
 * @param retry how its failures are retried
 * @param bean the bean
 * @param method the method to invoke on the bean
 * @param binder binds a message to the method's arguments
 */
record ListenerEndpoint(String id, String channel, Set<String> actions, int concurrency, boolean idempotent,
		RetryPolicy retry, Object bean, Method method, ArgumentBinder binder) {

	/**
	 * Whether the listener knows an action: an entity action, or a custom action it names. An
	 * action it does not know never passes its subscription's filter policy; one that still
	 * arrives is poison.
	 * @param action the action in wire form
	 * @return whether the listener takes events with that action
	 */
	boolean knows(String action) {
		return ActionNames.isEntityAction(action) || this.actions.contains(action);
	}

	/**
	 * The method as {@code Class.method(ParamTypes)}, for logs and errors.
	 * @return the description
	 */
	String describe() {
		return ListenerMethodException.describe(this.method);
	}

	/**
	 * What a {@link ListenerConfigurer} is told about this listener.
	 * @param queueName the listener's queue
	 * @return the description
	 */
	ListenerInfo info(String queueName) {
		return new ListenerInfo(this.id, this.channel, this.actions, this.method, queueName);
	}

}
