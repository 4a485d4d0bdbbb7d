package dev.eventbus.consume;

import java.lang.reflect.Method;
import java.util.Set;

import dev.eventbus.Action;

/**
 * One {@link dev.eventbus.Listener} method found at start-up.
 *
 * @param id the listener id (part of the queue name)
 * @param channel the channel
 * @param actions the actions it receives, empty for all
 * @param concurrency messages handled at once, 0 for the configured default
 * @param bean the bean
 * @param method the method to invoke on the bean
 * @param binder binds a message to the method's arguments
 */
record ListenerEndpoint(String id, String channel, Set<Action> actions, int concurrency, Object bean,
		Method method, ArgumentBinder binder) {

	/**
	 * The method as {@code Class.method(ParamTypes)}, for logs and errors.
	 * @return the description
	 */
	public String describe() {
		return ListenerMethodException.describe(this.method);
	}

}
