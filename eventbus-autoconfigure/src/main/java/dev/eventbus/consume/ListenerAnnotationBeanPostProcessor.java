package dev.eventbus.consume;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

import dev.eventbus.Listener;
import dev.eventbus.message.EventMessageCodec;

/**
 * Finds {@link Listener} methods on beans, resolves {@code ${...}} in their attributes and
 * checks their signatures. Classes without listener methods are remembered and not
 * inspected again.
 */
public final class ListenerAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private final Set<Class<?>> withoutListeners = ConcurrentHashMap.newKeySet();

	private final List<ListenerEndpoint> endpoints = Collections.synchronizedList(new ArrayList<>());

	private final Supplier<EventMessageCodec> codec;

	private @Nullable EmbeddedValueResolver resolver;

	/**
	 * Creates the post-processor.
	 * @param codec the message codec used to convert payloads, asked for when the first listener
	 * method is found (so that a codec bean is not created while post-processors are still being
	 * registered)
	 */
	public ListenerAnnotationBeanPostProcessor(Supplier<EventMessageCodec> codec) {
		this.codec = codec;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		if (beanFactory instanceof ConfigurableBeanFactory configurable) {
			this.resolver = new EmbeddedValueResolver(configurable);
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		Class<?> type = AopUtils.getTargetClass(bean);
		if (this.withoutListeners.contains(type)) {
			return bean;
		}
		Map<Method, Listener> methods = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<Listener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, Listener.class));
		if (methods.isEmpty()) {
			this.withoutListeners.add(type);
			return bean;
		}
		methods.forEach((method, listener) -> this.endpoints.add(endpoint(bean, beanName, method, listener)));
		return bean;
	}

	/**
	 * The listener methods found so far.
	 * @return the endpoints
	 */
	List<ListenerEndpoint> endpoints() {
		synchronized (this.endpoints) {
			return List.copyOf(this.endpoints);
		}
	}

	private ListenerEndpoint endpoint(Object bean, String beanName, Method method, Listener listener) {
		String channel = resolve(listener.value());
		if (!StringUtils.hasText(channel)) {
			throw new ListenerMethodException(method, "names no channel",
					"Name the channel, for example @Listener(\"Order\"), or define the placeholder it uses.");
		}
		String id = StringUtils.hasText(listener.id()) ? resolve(listener.id()) : beanName + "-" + method.getName();
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		ArgumentBinder binder = ArgumentBinder.forMethod(method, this.codec.get());
		EnumSet<dev.eventbus.Action> actions = EnumSet.noneOf(dev.eventbus.Action.class);
		actions.addAll(List.of(listener.actions()));
		ListenerEndpoint.RetryOverrides retry = new ListenerEndpoint.RetryOverrides(
				duration(method, "retryInitialDelay", listener.retryInitialDelay()),
				multiplier(method, listener.retryMultiplier()), duration(method, "retryMaxDelay", listener.retryMaxDelay()));
		return new ListenerEndpoint(id, channel, Set.copyOf(actions), listener.concurrency(), listener.idempotent(),
				retry, List.of(listener.noRetryFor()), bean, invocable, binder);
	}

	private @Nullable Duration duration(Method method, String attribute, String value) {
		String text = resolve(value);
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

	private @Nullable Double multiplier(Method method, String value) {
		String text = resolve(value);
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
		throw new ListenerMethodException(method, "has retryMultiplier = \"" + text + "\", which is not a number of at least 1",
				"Write a number of at least 1, such as \"2\", in @Listener(retryMultiplier = ...).");
	}

	private String resolve(String value) {
		String resolved = (this.resolver != null) ? this.resolver.resolveStringValue(value) : value;
		return (resolved != null) ? resolved : value;
	}

}
