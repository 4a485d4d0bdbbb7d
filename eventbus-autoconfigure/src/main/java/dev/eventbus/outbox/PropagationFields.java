package dev.eventbus.outbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.eventbus.transport.OutgoingMessage;

/**
 * Which propagation fields a tracing handler put into a message's carrier go with it. SNS takes
 * at most {@value #MAX_ATTRIBUTES} message attributes and {@value #MAX_MESSAGE_BYTES} bytes of body
 * and attributes (name, type and value of each, UTF-8). When all fields do not fit, the
 * {@code traceparent} and {@code tracestate} are kept and the others (baggage, other formats)
 * dropped; then {@code tracestate}; then {@code traceparent} too: the message is never refused for
 * its trace. Empty values are left out (SNS rejects them). What is dropped is logged once (at WARN)
 * for the life of the relay.
 */
final class PropagationFields {

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	/** SNS rejects a message with more message attributes than this. */
	static final int MAX_ATTRIBUTES = 10;

	/** SNS rejects a message whose body and attributes take more bytes than this (256 KiB). */
	static final int MAX_MESSAGE_BYTES = 262_144;

	/** The data type eventbus gives every attribute, counted by SNS. */
	private static final int TYPE_BYTES = "String".length();

	private static final List<String> TRACE = List.of("traceparent", "tracestate");

	private final AtomicBoolean warned = new AtomicBoolean();

	/**
	 * The message with the propagation fields that fit.
	 * @param message the message as the relay made it
	 * @param carrier its attributes after the observation started
	 * @return the message to send
	 */
	OutgoingMessage fit(OutgoingMessage message, Map<String, String> carrier) {
		Map<String, String> added = new LinkedHashMap<>();
		carrier.forEach((name, value) -> {
			if (!message.attributes().containsKey(name) && value != null && !value.isEmpty()) {
				added.put(name, value);
			}
		});
		if (added.isEmpty()) {
			return message;
		}
		Map<String, String> kept = added;
		if (!fits(message, kept)) {
			kept = only(added, TRACE);
			if (!fits(message, kept)) {
				kept = only(added, List.of("traceparent"));
				if (!fits(message, kept)) {
					kept = Map.of();
				}
			}
			warn(message, added, kept);
		}
		if (kept.isEmpty()) {
			return message;
		}
		Map<String, String> attributes = new LinkedHashMap<>(message.attributes());
		attributes.putAll(kept);
		return new OutgoingMessage(message.id(), message.destination(), message.orderingKey(), message.body(),
				attributes);
	}

	private static Map<String, String> only(Map<String, String> fields, List<String> names) {
		Map<String, String> only = new LinkedHashMap<>();
		for (String name : names) {
			if (fields.containsKey(name)) {
				only.put(name, fields.get(name));
			}
		}
		return only;
	}

	private static boolean fits(OutgoingMessage message, Map<String, String> fields) {
		if (message.attributes().size() + fields.size() > MAX_ATTRIBUTES) {
			return false;
		}
		long bytes = utf8(message.body()) + size(message.attributes()) + size(fields);
		return bytes <= MAX_MESSAGE_BYTES;
	}

	private static long size(Map<String, String> attributes) {
		long bytes = 0;
		for (Map.Entry<String, String> attribute : attributes.entrySet()) {
			bytes += utf8(attribute.getKey()) + TYPE_BYTES + utf8(attribute.getValue());
		}
		return bytes;
	}

	private static int utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	private void warn(OutgoingMessage message, Map<String, String> added, Map<String, String> kept) {
		if (this.warned.compareAndSet(false, true)) {
			List<String> dropped = added.keySet().stream().filter((name) -> !kept.containsKey(name)).toList();
			logger.warn("eventbus sends events without their trace attributes " + dropped + ": with all of them a"
					+ " message would have " + (message.attributes().size() + added.size()) + " attributes or "
					+ (utf8(message.body()) + size(message.attributes()) + size(added)) + " bytes, more than the "
					+ MAX_ATTRIBUTES + " attributes or " + MAX_MESSAGE_BYTES + " bytes SNS accepts (limit the propagated"
					+ " fields, such as baggage); kept " + kept.keySet() + "; logged once");
		}
	}

}
