package dev.eventbus.consume;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;

import org.springframework.core.ResolvableType;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.message.EventMessage;
import dev.eventbus.message.EventMessageCodec;

/**
 * Turns an event into the arguments of one listener method. Chosen once, at start-up, from the
 * method's signature; a signature that fits none of the parameter styles that
 * {@link dev.eventbus.Listener} lists fails start-up with a {@link ListenerMethodException}
 * whose fix names them.
 */
abstract sealed class ArgumentBinder {

	/**
	 * The arguments for a message.
	 * @param message the event
	 * @return the arguments
	 * @throws dev.eventbus.message.MalformedMessageException if the payload does not convert
	 */
	abstract @Nullable Object[] bind(EventMessage message);

	/**
	 * Whether the method can take events with a custom action: every style but the FRAME style
	 * with an {@link Action} parameter.
	 * @return whether custom actions bind
	 */
	boolean bindsCustomActions() {
		return true;
	}

	/**
	 * The binder of a method's signature.
	 * @param method the listener method
	 * @param codec converts payloads
	 * @return the binder
	 * @throws ListenerMethodException if the signature is none of the supported styles
	 */
	static ArgumentBinder forMethod(Method method, EventMessageCodec codec) {
		Class<?>[] types = method.getParameterTypes();
		if (types.length == 1 && types[0] == EntityEvent.class) {
			ResolvableType payload = ResolvableType.forMethodParameter(method, 0).getGeneric(0);
			Type payloadType = (payload.resolve() != null) ? payload.getType() : Map.class;
			return new Envelope(codec, codec.javaType(payloadType));
		}
		if (types.length == 1) {
			if (types[0].isPrimitive() || types[0] == String.class || types[0] == Action.class) {
				throw new ListenerMethodException(method,
						"takes a " + types[0].getSimpleName() + ", which a payload cannot be converted to");
			}
			return new Payload(codec, codec.javaType(method.getGenericParameterTypes()[0]));
		}
		if (types.length == 3 && types[0] == String.class && (types[1] == Action.class || types[1] == String.class)
				&& Map.class.isAssignableFrom(types[2])) {
			return new Frame(types[1] == Action.class);
		}
		throw new ListenerMethodException(method, "has parameters that cannot be bound");
	}

	/** Binders that convert the payload to the method's type. */
	abstract static sealed class Converting extends ArgumentBinder {

		private final EventMessageCodec codec;

		private final JavaType payloadType;

		Converting(EventMessageCodec codec, JavaType payloadType) {
			this.codec = codec;
			this.payloadType = payloadType;
		}

		final Object payload(EventMessage message) {
			return this.codec.convert(message.payload(), this.payloadType);
		}

	}

	/** {@code (EntityEvent<T> event)}. */
	static final class Envelope extends Converting {

		Envelope(EventMessageCodec codec, JavaType payloadType) {
			super(codec, payloadType);
		}

		@Override
		@Nullable Object[] bind(EventMessage message) {
			Object payload = payload(message);
			return new Object[] { new EntityEvent<>(message.eventId(), message.channel(), message.action(),
					message.entityType(), message.entityId(),
					message.occurredAt(), message.publisher(), message.version(), message.entityVersion(), payload,
					changes(message.changes())) };
		}

		private static Map<String, EntityEvent.Change> changes(
				@Nullable Map<String, Map<String, @Nullable Object>> changes) {
			if (changes == null) {
				return Collections.emptyMap();
			}
			Map<String, EntityEvent.Change> result = new LinkedHashMap<>();
			changes.forEach((name, change) -> result.put(name, new EntityEvent.Change(change.get("old"), change.get("new"))));
			return Collections.unmodifiableMap(result);
		}

	}

	/** {@code (T payload)}. */
	static final class Payload extends Converting {

		Payload(EventMessageCodec codec, JavaType payloadType) {
			super(codec, payloadType);
		}

		@Override
		@Nullable Object[] bind(EventMessage message) {
			return new Object[] { payload(message) };
		}

	}

	/**
	 * {@code (String channel, Action action, Map<String, Object> data)}, the FRAME style, or with a
	 * {@code String action}, which also takes custom actions.
	 */
	static final class Frame extends ArgumentBinder {

		private final boolean actionEnum;

		Frame(boolean actionEnum) {
			this.actionEnum = actionEnum;
		}

		@Override
		boolean bindsCustomActions() {
			return !this.actionEnum;
		}

		@Override
		@Nullable Object[] bind(EventMessage message) {
			// a listener never knows a custom action with an Action parameter (start-up refuses it)
			Object action = this.actionEnum ? Action.fromWireName(message.action()) : message.action();
			return new Object[] { message.channel(), action, message.payload() };
		}

	}

}
