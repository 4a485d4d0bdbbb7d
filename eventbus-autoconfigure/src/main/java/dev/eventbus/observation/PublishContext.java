package dev.eventbus.observation;

import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * The context of an {@code eventbus.publish} observation. Its carrier is the message's
 * attribute map: a tracing handler injects the trace context into it (as {@code traceparent}
 * and {@code tracestate} with W3C propagation) before the message is sent.
 */
public final class PublishContext extends SenderContext<Map<String, String>> {

	private final String channel;

	private final String action;

	private final String eventId;

	/**
	 * Creates the context of one event.
	 * @param attributes the message attributes, which receive the propagation fields
	 * @param channel the event's channel
	 * @param action the event's action in wire form
	 * @param eventId the event id
	 */
	public PublishContext(Map<String, String> attributes, String channel, String action, String eventId) {
		super((carrier, key, value) -> carrier.put(key, value), Kind.PRODUCER);
		setCarrier(attributes);
		this.channel = channel;
		this.action = action;
		this.eventId = eventId;
		setRemoteServiceName("sns");
	}

	/**
	 * The event's channel.
	 * @return the channel
	 */
	public String getChannel() {
		return this.channel;
	}

	/**
	 * The event's action.
	 * @return the action in wire form
	 */
	public String getAction() {
		return this.action;
	}

	/**
	 * The event id.
	 * @return the id
	 */
	public String getEventId() {
		return this.eventId;
	}

}
