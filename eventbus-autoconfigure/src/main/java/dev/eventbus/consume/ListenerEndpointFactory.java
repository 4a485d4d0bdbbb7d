package dev.eventbus.consume;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;

import dev.eventbus.Action;
import dev.eventbus.Listener;
import dev.eventbus.message.ActionNames;
import dev.eventbus.message.EventMessageCodec;

/**
 * Turns one {@link Listener} method into its endpoint: binds its signature, parses its
 * attributes and lays them over the configured defaults (concurrency, idempotency, retry
 * policy). Every mistake fails here, while the bean is post-processed, before anything is
 * provisioned: a signature that cannot be bound, an invalid attribute, or an idempotent
 * listener without an {@link Inbox}.
 */
public final class ListenerEndpointFactory {

	private final EventMessageCodec codec;

	private final Defaults defaults;

	private final boolean inbox;

	/**
	 * Creates the factory.
	 * @param codec the message codec used to convert payloads
	 * @param defaults the configured defaults of all listeners
	 * @param inbox whether the application has an {@link Inbox} (idempotent listeners need one)
	 */
	public ListenerEndpointFactory(EventMessageCodec codec, Defaults defaults, boolean inbox) {
		this.codec = codec;
		this.defaults = defaults;
		this.inbox = inbox;
	}

	/**
	 * Creates the endpoint of a listener method.
	 * @param bean the bean
	 * @param beanName the bean's name (part of the default listener id)
	 * @param method the annotated method
	 * @param listener the annotation
	 * @param resolver resolves {@code ${...}} placeholders in attributes
	 * @return the endpoint
	 * @throws ListenerMethodException if the method cannot be a listener as it is
	 */
	ListenerEndpoint create(Object bean, String beanName, Method method, Listener listener,
			UnaryOperator<String> resolver) {
		String channel = resolver.apply(listener.value());
		if (!StringUtils.hasText(channel)) {
			throw new ListenerMethodException(method, "names no channel",
					"Name the channel, for example @Listener(\"Order\"), or define the placeholder it uses.");
		}
		String id = StringUtils.hasText(listener.id()) ? resolver.apply(listener.id())
				: beanName + "-" + method.getName();
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		ArgumentBinder binder = ArgumentBinder.forMethod(method, this.codec);
		Set<String> actions = actions(method, listener, resolver, binder);
		RetryPolicy retry = this.defaults.retry()
			.overriddenBy(duration(method, "retryInitialDelay", resolver.apply(listener.retryInitialDelay())),
					multiplier(method, resolver.apply(listener.retryMultiplier())),
					duration(method, "retryMaxDelay", resolver.apply(listener.retryMaxDelay())),
					List.of(listener.noRetryFor()));
		int concurrency = (listener.concurrency() > 0) ? listener.concurrency() : this.defaults.concurrency();
		boolean idempotent = listener.idempotent() || this.defaults.idempotent();
		if (idempotent && !this.inbox) {
			throw noInbox(method, listener.idempotent());
		}
		return new ListenerEndpoint(id, channel, actions, concurrency, idempotent, retry, bean, invocable,
				binder);
	}

	/**
	 * The actions of a listener in wire form: its entity actions in declaration order, then its
	 * custom actions as written.
	 */
	private static Set<String> actions(Method method, Listener listener, UnaryOperator<String> resolver,
			ArgumentBinder binder) {
		Set<String> actions = new LinkedHashSet<>();
		for (Action action : Action.values()) {
			if (List.of(listener.actions()).contains(action)) {
				actions.add(action.wireName());
			}
		}
		for (String custom : listener.customActions()) {
			String name = resolver.apply(custom);
			if (!ActionNames.isValid(name)) {
				throw new ListenerMethodException(method,
						"has customActions = \"" + name + "\", which is not a valid action name",
						"Write an action name (" + ActionNames.RULE + "), such as \"issued\", in "
								+ "@Listener(customActions = ...).");
			}
			if (!ActionNames.isEntityAction(name) && !binder.bindsCustomActions()) {
				throw new ListenerMethodException(method,
						"names the custom action '" + name + "', which its Action parameter cannot hold",
						"Declare the action parameter as a String: void on(String channel, String action, "
								+ "Map<String, Object> data).");
			}
			actions.add(name);
		}
		return java.util.Collections.unmodifiableSet(actions);
	}

	private static ListenerMethodException noInbox(Method method, boolean ownAttribute) {
		return new ListenerMethodException(method,
				"is idempotent (" + (ownAttribute ? "@Listener(idempotent = true)" : "eventbus.consume.idempotent=true")
						+ "), which needs a DataSource for the eventbus_inbox table, and the application has none "
						+ "(or several, none of them @Primary)",
				"Configure a DataSource (spring.datasource.url) or mark one @Primary, or make the listener not "
						+ "idempotent: " + (ownAttribute ? "remove idempotent = true from its @Listener."
								: "remove eventbus.consume.idempotent=true."));
	}

	private static @Nullable Duration duration(Method method, String attribute, String text) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			return DurationStyle.detectAndParse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new ListenerMethodException(method, "has " + attribute + " = \"" + text + "\", which is not a duration",
					"Write a duration such as \"5s\", \"2m\" or \"PT5S\" in @Listener(" + attribute + " = ...).");
		}
	}

	private static @Nullable Double multiplier(Method method, String text) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			double multiplier = Double.parseDouble(text);
			if (multiplier >= 1.0) {
				return multiplier;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new ListenerMethodException(method,
				"has retryMultiplier = \"" + text + "\", which is not a number of at least 1",
				"Write a number of at least 1, such as \"2\", in @Listener(retryMultiplier = ...).");
	}

	/**
	 * The configured settings of all listeners, which a {@link Listener}'s own attributes
	 * override.
	 *
	 * @param concurrency messages of one listener handled at once
	 * @param idempotent whether all listeners are idempotent
	 * @param retry the retry policy
	 */
	public record Defaults(int concurrency, boolean idempotent, RetryPolicy retry) {
	}

}
