package dev.eventbus.consume;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.ReflectionUtils;

import dev.eventbus.message.ActionNames;
import dev.eventbus.message.EventMessage;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.message.MalformedMessageException;
import dev.eventbus.observation.HandleOutcome;

/**
 * What one listener does with one event, whatever brought it: reads the event from its envelope,
 * binds the method's arguments and invokes the method inside the {@code eventbus.handle}
 * observation, once per event for an idempotent listener (its {@link Inbox}). The SQS containers
 * ({@link EventMessageListener}) and deliveries without a broker ({@link DirectListener}) share it.
 */
final class ListenerInvocation {

	private static final Log logger = LogFactory.getLog(ListenerInvocation.class);

	private final ListenerEndpoint endpoint;

	private final EventMessageCodec codec;

	private final @Nullable Inbox inbox;

	private final HandleObservations observations;

	/**
	 * Creates the invocation of one listener.
	 * @param endpoint the listener
	 * @param codec reads events
	 * @param inbox the inbox of an idempotent listener, {@code null} for one that is not
	 * @param observations the listener's observations
	 */
	ListenerInvocation(ListenerEndpoint endpoint, EventMessageCodec codec, @Nullable Inbox inbox,
			HandleObservations observations) {
		this.endpoint = endpoint;
		this.codec = codec;
		this.inbox = inbox;
		this.observations = observations;
		ReflectionUtils.makeAccessible(endpoint.method());
	}

	/**
	 * Whether the observations go anywhere; if not, no carrier needs to be read.
	 * @return {@code false} with a no-op observation registry
	 */
	boolean observing() {
		return this.observations.observing();
	}

	/**
	 * Reads the event and binds the method's arguments.
	 * @param envelope the event envelope
	 * @return the event with its arguments
	 * @throws dev.eventbus.message.MalformedMessageException if the event cannot be read or bound (poison)
	 */
	Bound bind(@Nullable JsonNode envelope) {
		EventMessage event = this.codec.read(envelope);
		if (!this.endpoint.knows(event.action())) {
			throw unknownAction(event.action());
		}
		return new Bound(event, this.endpoint.binder().bind(event));
	}

	private MalformedMessageException unknownAction(String action) {
		Set<String> known = new LinkedHashSet<>(ActionNames.entityActions());
		known.addAll(this.endpoint.actions());
		return new MalformedMessageException(
				"unknown action '" + action + "' (this listener knows " + String.join(", ", known) + ")", null);
	}

	/**
	 * Reads the event from its envelope's JSON text and binds the method's arguments.
	 * @param envelope the event envelope, as text
	 * @return the event with its arguments
	 * @throws dev.eventbus.message.MalformedMessageException if the event cannot be read or bound (poison)
	 */
	Bound bind(String envelope) {
		return bind(this.codec.readTree(envelope));
	}

	/**
	 * Invokes the method, unless the idempotent listener handled the event before.
	 * @param bound the event with its arguments
	 * @param attributes the message attributes the event arrived with (the observation's carrier)
	 * @param outcome what a failure leads to, for the observation
	 * @return whether the method ran ({@code false}: a duplicate skipped)
	 * @throws RuntimeException what the method threw
	 */
	boolean invoke(Bound bound, Map<String, String> attributes, Function<Throwable, HandleOutcome> outcome) {
		// started once nothing before it can throw: every started observation is stopped
		HandleObservations.Handle handle = this.observations.start(attributes, bound.event());
		try (Observation.Scope scope = handle.observation().openScope()) {
			if (this.inbox == null) {
				call(bound.args());
			}
			else if (!this.inbox.handleOnce(this.endpoint.id(), bound.event().eventId(), () -> call(bound.args()))) {
				handle.skipped();
				if (logger.isDebugEnabled()) {
					logger.debug("eventbus: event " + bound.event().eventId() + " was handled by " + this.endpoint.id()
							+ " before; acknowledged without calling it again");
				}
				return false;
			}
			return true;
		}
		catch (RuntimeException | Error ex) {
			handle.failed(ex, outcome);
			throw ex;
		}
		finally {
			handle.observation().stop();
		}
	}

	private void call(@Nullable Object[] args) {
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

	/**
	 * An event read and bound.
	 *
	 * @param event the event
	 * @param args the method's arguments
	 */
	record Bound(EventMessage event, @Nullable Object[] args) {
	}

}
