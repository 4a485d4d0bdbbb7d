package dev.eventbus.consume;

import java.lang.reflect.Method;
import java.util.Set;

import dev.eventbus.Action;

/**
 * One {@link dev.eventbus.Listener} method found at start-up, with its settings resolved: the
 * annotation's attributes over the configured defaults ({@link ListenerEndpointFactory}).
 *
 * @param id the listener id (part of the queue name)
 * @param channel the channel
 * @param actions the actions it receives, empty for all
 * @param concurrency messages handled at once
 * @param idempotent whether redelivered events are skipped (its inbox exists)
 * @param retry how its failures are retried
 * @param bean the bean
 * @param method the method to invoke on the bean
 * @param binder binds a message to the method's arguments
 */
record ListenerEndpoint(String id, String channel, Set<Action> actions, int concurrency, boolean idempotent,
		RetryPolicy retry, Object bean, Method method, ArgumentBinder binder) {

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
