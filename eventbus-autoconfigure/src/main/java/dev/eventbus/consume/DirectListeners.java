package dev.eventbus.consume;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.provision.NamingStrategy;

/**
 * The registrar of {@link dev.eventbus.Listener} methods for a delivery without a broker
 * (eventbus-test's in-memory delivery), in place of {@link ListenerContainers}: once all singletons
 * exist, it makes a {@link DirectListener} of each method the
 * {@link ListenerAnnotationBeanPostProcessor} found, with the inbox, observations and
 * {@code max-receive-count} its SQS container would have. Nothing is provisioned.
 */
public final class DirectListeners implements SmartInitializingSingleton {

	private final ListenerAnnotationBeanPostProcessor methods;

	private final EventMessageCodec codec;

	private final @Nullable Inbox inbox;

	private final NamingStrategy naming;

	private final int maxReceiveCount;

	private final ListenerContainerBuilder.Observability observability;

	private volatile List<DirectListener> listeners = List.of();

	/**
	 * Creates the registrar.
	 * @param methods the post-processor that found the listener methods
	 * @param codec the message codec
	 * @param inbox the inbox of idempotent listeners, {@code null} without a data source
	 * @param naming names the queue each listener would have (its {@link ListenerInfo#queueName()})
	 * @param maxReceiveCount deliveries an event gets ({@code eventbus.provision.max-receive-count})
	 * @param observability the observation registry, convention and meter registry
	 */
	public DirectListeners(ListenerAnnotationBeanPostProcessor methods, EventMessageCodec codec, @Nullable Inbox inbox,
			NamingStrategy naming, int maxReceiveCount, ListenerContainerBuilder.Observability observability) {
		this.methods = methods;
		this.codec = codec;
		this.inbox = inbox;
		this.naming = naming;
		this.maxReceiveCount = maxReceiveCount;
		this.observability = observability;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<DirectListener> created = new ArrayList<>();
		for (ListenerEndpoint endpoint : this.methods.endpoints()) {
			HandleObservations observations = new HandleObservations(endpoint.id(), this.observability.registry(),
					this.observability.convention(), this.observability.meters(), Clock.systemUTC());
			ListenerInvocation invocation = new ListenerInvocation(endpoint, this.codec,
					endpoint.idempotent() ? this.inbox : null, observations);
			created.add(new DirectListener(endpoint, invocation, this.naming.queueName(endpoint.id()),
					this.maxReceiveCount));
		}
		this.listeners = List.copyOf(created);
	}

	/**
	 * The listeners, in the order they were found; empty until all singletons exist.
	 * @return the listeners
	 */
	public List<DirectListener> listeners() {
		return this.listeners;
	}

}
