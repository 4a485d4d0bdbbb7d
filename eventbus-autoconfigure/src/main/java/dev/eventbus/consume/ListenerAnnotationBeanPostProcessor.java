package dev.eventbus.consume;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
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
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

import dev.eventbus.Listener;
import dev.eventbus.provision.QueueRequest;

/**
 * Finds {@link Listener} methods on beans and has the {@link ListenerEndpointFactory} turn
 * each into an endpoint, resolving {@code ${...}} in their attributes. Classes without
 * listener methods are remembered and not inspected again.
 */
public final class ListenerAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private final Set<Class<?>> withoutListeners = ConcurrentHashMap.newKeySet();

	private final List<ListenerEndpoint> endpoints = Collections.synchronizedList(new ArrayList<>());

	private final Supplier<ListenerEndpointFactory> factory;

	private @Nullable EmbeddedValueResolver resolver;

	/**
	 * Creates the post-processor.
	 * @param factory creates the endpoints, asked for when the first listener method is found
	 * (so that the codec and the settings it needs are not created while post-processors are
	 * still being registered)
	 */
	public ListenerAnnotationBeanPostProcessor(Supplier<ListenerEndpointFactory> factory) {
		this.factory = factory;
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
		methods.forEach((method, listener) -> this.endpoints
			.add(this.factory.get().create(bean, beanName, method, listener, this::resolve)));
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

	/**
	 * What the listener methods found so far need provisioned.
	 * @return one request per listener method, in the order they were found
	 */
	public List<QueueRequest> queueRequests() {
		return endpoints().stream()
			.map((endpoint) -> new QueueRequest(endpoint.id(), endpoint.channel(), endpoint.actions()))
			.toList();
	}

	private String resolve(String value) {
		String resolved = (this.resolver != null) ? this.resolver.resolveStringValue(value) : value;
		return (resolved != null) ? resolved : value;
	}

}
