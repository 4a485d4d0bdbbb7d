package dev.eventbus.consume;

import java.lang.reflect.Method;
import java.util.Set;

import dev.eventbus.Action;

/**
 * A {@link dev.eventbus.Listener} method as a {@link ListenerConfigurer} sees it.
 *
 * @param id the listener id ({@code @Listener(id)}, else {@code <bean name>-<method name>})
 * @param channel the channel it listens to, placeholders resolved
 * @param actions the actions it receives, empty for all
 * @param method the annotated method
 * @param queueName the name of its SQS queue
 */
public record ListenerInfo(String id, String channel, Set<Action> actions, Method method, String queueName) {

	/**
	 * Creates the description.
	 * @param id the listener id
	 * @param channel the channel
	 * @param actions the actions it receives, empty for all
	 * @param method the annotated method
	 * @param queueName the name of its SQS queue
	 */
	public ListenerInfo {
		actions = Set.copyOf(actions);
	}

}
