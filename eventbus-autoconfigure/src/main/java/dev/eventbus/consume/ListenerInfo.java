package dev.eventbus.consume;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * A {@link dev.eventbus.Listener} method as a {@link ListenerConfigurer} sees it.
 *
 * @param id the listener id ({@code @Listener(id)}, else {@code <bean name>-<method name>})
 * @param channel the channel it listens to, placeholders resolved
 * @param actions the actions it receives in wire form ({@code created}, {@code issued}), entity
 * actions first; empty for the entity actions {@code created}, {@code updated} and {@code deleted}
 * @param method the annotated method
 * @param queueName the name of its SQS queue
 */
public record ListenerInfo(String id, String channel, Set<String> actions, Method method, String queueName) {

	/**
	 * Creates the description.
	 * @param id the listener id
	 * @param channel the channel
	 * @param actions the actions it receives in wire form, empty for the three entity actions
	 * @param method the annotated method
	 * @param queueName the name of its SQS queue
	 */
	public ListenerInfo {
		actions = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(actions));
	}

}
