package dev.eventbus.domain;

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * One invocation of a test listener of a domain event.
 *
 * @param listener the listener method's name
 * @param channel the channel
 * @param action the action on the wire
 * @param key the envelope's {@code entityId}, where the listener's style shows it
 * @param payload the payload as the listener received it
 */
public record Received(String listener, String channel, String action, @Nullable String key, Object payload) {

	/**
	 * Matches the calls of one listener.
	 * @param listener the listener method's name
	 * @return the filter
	 */
	public static Predicate<Received> by(String listener) {
		return (received) -> received.listener().equals(listener);
	}

}
