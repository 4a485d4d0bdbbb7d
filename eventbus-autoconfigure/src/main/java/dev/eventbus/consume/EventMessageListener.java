package dev.eventbus.consume;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.messaging.Message;

import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.message.MalformedMessageException;

/**
 * Handles the messages of one listener's queue: unwraps the SNS envelope (or, with raw
 * delivery on, takes the message as it is; otherwise a message that is not an SNS notification
 * is rejected), rejects a notification from any topic but the listener's own, and has the
 * {@link ListenerInvocation} read the event, reject an action the listener does not know, bind the arguments and invoke the method. Returning normally acknowledges (deletes)
 * the message; an exception from the method leaves it for redelivery. A message that cannot
 * be read or bound is poison: it is moved to the dead-letter queue at once with the reason,
 * logged once at WARN after SQS accepted it, and never retried; if the dead-letter queue does
 * not take it, that is logged instead and the message is left for redelivery.
 */
final class EventMessageListener implements io.awspring.cloud.sqs.listener.MessageListener<Object> {

	private static final Log logger = LogFactory.getLog(EventMessageListener.class);

	private final ListenerInvocation invocation;

	private final String queueName;

	private final String topicArn;

	private final EventMessageCodec codec;

	private final DeadLetterSender deadLetters;

	private final VisibilityHeartbeat heartbeat;

	private final boolean rawDelivery;

	private final ListenerErrorHandler errors;

	EventMessageListener(ListenerEndpoint endpoint, String queueName, String topicArn, EventMessageCodec codec,
			DeadLetterSender deadLetters, VisibilityHeartbeat heartbeat, @Nullable Inbox inbox, boolean rawDelivery,
			HandleObservations observations, ListenerErrorHandler errors) {
		this.rawDelivery = rawDelivery;
		this.errors = errors;
		this.invocation = new ListenerInvocation(endpoint, codec, inbox, observations);
		this.queueName = queueName;
		this.topicArn = topicArn;
		this.codec = codec;
		this.deadLetters = deadLetters;
		this.heartbeat = heartbeat;
	}

	@Override
	public void onMessage(Message<Object> message) {
		String body = String.valueOf(message.getPayload());
		ListenerInvocation.Bound bound;
		// the carrier of the handle observation: not filled when nothing observes
		Map<String, String> attributes = this.invocation.observing() ? new HashMap<>() : null;
		try {
			bound = this.invocation.bind(envelope(body, message, attributes));
		}
		catch (MalformedMessageException ex) {
			deadLetter(message, body, ex);
			return;
		}
		VisibilityHeartbeat.Beat beat = this.heartbeat.start(message);
		try {
			this.invocation.invoke(bound, (attributes != null) ? attributes : Map.of(),
					(failure) -> this.errors.decide(message, failure).outcome());
		}
		finally {
			beat.stop();
		}
	}

	/** An action that came around the filter policy (sent straight to the queue, or an old subscription). */
	private void deadLetter(Message<Object> message, String body, MalformedMessageException malformed) {
		String reason = malformed.getMessage();
		String what = "message " + message.getHeaders().getId() + " of queue " + this.queueName;
		String sent;
		try {
			sent = this.deadLetters.send(message, body, reason, DeadLetterSender.Reason.MALFORMED, malformed);
		}
		catch (RuntimeException ex) {
			logger.warn("eventbus could not move " + what + " to its dead-letter queue (" + reason
					+ "); it stays in the queue and is delivered again: " + ex);
			// not the listener's failure: the error handler backs off and the move is tried again
			throw new PoisonNotMovedException(what, ex);
		}
		logger.warn("eventbus moved " + what + " to its dead-letter queue: " + reason
				+ ((sent != null) ? "" : " (without the " + DeadLetterSender.ERROR_ATTRIBUTE
						+ " attribute: the body leaves no room for it)"));
	}

	/**
	 * The event envelope of a body: inside the SNS notification, or the body itself (raw
	 * delivery). The message attributes the event came with go to {@code attributes} (unless it is
	 * {@code null}): the
	 * notification's {@code MessageAttributes}, or (raw delivery) the SQS message attributes,
	 * which Spring Cloud AWS puts among the message headers.
	 */
	private JsonNode envelope(String body, Message<Object> message, @Nullable Map<String, String> attributes) {
		JsonNode tree = this.codec.readTree(body);
		if (tree == null || !tree.isObject() || !"Notification".equals(tree.path("Type").asString(null))) {
			if (this.rawDelivery) {
				if (attributes != null) {
					message.getHeaders().forEach((name, value) -> {
						if (value instanceof String text) {
							attributes.put(name, text);
						}
					});
				}
				return tree;
			}
			throw new MalformedMessageException("not an SNS notification of " + this.topicArn
					+ "; messages sent straight to the queue are rejected (eventbus.consume.raw-delivery=false)", null);
		}
		String sender = tree.path("TopicArn").asString("");
		if (!this.topicArn.equals(sender)) {
			throw new MalformedMessageException(
					"sent by topic '" + sender + "', but the queue is subscribed to " + this.topicArn + " only", null);
		}
		if (attributes != null) {
			for (Map.Entry<String, JsonNode> attribute : tree.path("MessageAttributes").properties()) {
				String value = attribute.getValue().path("Value").asString(null);
				if (value != null) {
					attributes.put(attribute.getKey(), value);
				}
			}
		}
		JsonNode inner = tree.get("Message");
		if (inner == null || !inner.isString()) {
			throw new MalformedMessageException("SNS notification has no 'Message' text", null);
		}
		return this.codec.readTree(inner.asString());
	}

}
