package dev.eventbus.consume;

import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.messaging.Message;
import org.springframework.util.ReflectionUtils;

import dev.eventbus.message.ActionNames;
import dev.eventbus.message.EventMessage;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.message.MalformedMessageException;

/**
 * Handles the messages of one listener's queue: unwraps the SNS envelope (or, with raw
 * delivery on, takes the message as it is; otherwise a message that is not an SNS notification
 * is rejected), rejects a notification from any topic but the listener's own, reads the event,
 * rejects an action the listener does not know ({@link ListenerEndpoint#knows(String)}), binds
 * the arguments and invokes the method. Returning normally acknowledges (deletes)
 * the message; an exception from the method leaves it for redelivery. A message that cannot
 * be read or bound is poison: it is moved to the dead-letter queue at once with the reason,
 * logged once at WARN after SQS accepted it, and never retried; if the dead-letter queue does
 * not take it, that is logged instead and the message is left for redelivery.
 */
final class EventMessageListener implements io.awspring.cloud.sqs.listener.MessageListener<Object> {

	private static final Log logger = LogFactory.getLog(EventMessageListener.class);

	private final ListenerEndpoint endpoint;

	private final String queueName;

	private final String topicArn;

	private final EventMessageCodec codec;

	private final DeadLetterSender deadLetters;

	private final VisibilityHeartbeat heartbeat;

	private final @Nullable Inbox inbox;

	private final boolean rawDelivery;

	private final HandleObservations observations;

	private final ListenerErrorHandler errors;

	EventMessageListener(ListenerEndpoint endpoint, String queueName, String topicArn, EventMessageCodec codec,
			DeadLetterSender deadLetters, VisibilityHeartbeat heartbeat, @Nullable Inbox inbox, boolean rawDelivery,
			HandleObservations observations, ListenerErrorHandler errors) {
		this.rawDelivery = rawDelivery;
		this.observations = observations;
		this.errors = errors;
		this.endpoint = endpoint;
		this.queueName = queueName;
		this.topicArn = topicArn;
		this.codec = codec;
		this.deadLetters = deadLetters;
		this.heartbeat = heartbeat;
		this.inbox = inbox;
		ReflectionUtils.makeAccessible(endpoint.method());
	}

	@Override
	public void onMessage(Message<Object> message) {
		String body = String.valueOf(message.getPayload());
		EventMessage event;
		@Nullable Object[] args;
		// the carrier of the handle observation: not filled when nothing observes
		Map<String, String> attributes = this.observations.observing() ? new HashMap<>() : null;
		try {
			event = this.codec.read(envelope(body, message, attributes));
			if (!this.endpoint.knows(event.action())) {
				throw unknownAction(event.action());
			}
			args = this.endpoint.binder().bind(event);
		}
		catch (MalformedMessageException ex) {
			deadLetter(message, body, ex);
			return;
		}
		VisibilityHeartbeat.Beat beat = this.heartbeat.start(message);
		try {
			// started once nothing before it can throw: every started observation is stopped
			HandleObservations.Handle handle = this.observations.start((attributes != null) ? attributes : Map.of(),
					event);
			try (Observation.Scope scope = handle.observation().openScope()) {
				if (this.inbox == null) {
					invoke(args);
				}
				else if (!this.inbox.handleOnce(this.endpoint.id(), event.eventId(), () -> invoke(args))) {
					handle.skipped();
					if (logger.isDebugEnabled()) {
						logger.debug("eventbus: event " + event.eventId() + " was handled by " + this.endpoint.id()
								+ " before; acknowledged without calling it again");
					}
				}
			}
			catch (RuntimeException | Error ex) {
				handle.failed(message, ex, this.errors);
				throw ex;
			}
			finally {
				handle.observation().stop();
			}
		}
		finally {
			beat.stop();
		}
	}

	/** An action that came around the filter policy (sent straight to the queue, or an old subscription). */
	private MalformedMessageException unknownAction(String action) {
		Set<String> known = new LinkedHashSet<>(ActionNames.entityActions());
		known.addAll(this.endpoint.actions());
		return new MalformedMessageException(
				"unknown action '" + action + "' (this listener knows " + String.join(", ", known) + ")", null);
	}

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

	private void invoke(@Nullable Object[] args) {
		try {
			this.endpoint.method().invoke(this.endpoint.bean(), args);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getTargetException();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new ListenerExecutionException(this.endpoint.describe(), cause);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
