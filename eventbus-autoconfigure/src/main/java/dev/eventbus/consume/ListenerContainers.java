package dev.eventbus.consume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;

import dev.eventbus.provision.ListenerQueue;
import dev.eventbus.provision.MissingResourcesException;
import dev.eventbus.provision.SnsSqsProvisioner;

/**
 * The registrar of the {@link dev.eventbus.Listener} methods: once all singletons exist it
 * takes the endpoints the {@link ListenerAnnotationBeanPostProcessor} found, has each
 * listener's queue provisioned, and has the {@link ListenerContainerBuilder} create one Spring
 * Cloud AWS {@link SqsMessageListenerContainer} per listener; it starts and stops them with the
 * context.
 */
public final class ListenerContainers implements SmartInitializingSingleton, SmartLifecycle, DisposableBean {

	private static final Log logger = LogFactory.getLog(ListenerContainers.class);

	private final ListenerAnnotationBeanPostProcessor listeners;

	private final SnsSqsProvisioner provisioner;

	private final ListenerContainerBuilder builder;

	private final Set<String> publishedChannels;

	private final List<SqsMessageListenerContainer<Object>> containers = new ArrayList<>();

	private final List<ListenerQueue> queues = new ArrayList<>();

	private volatile boolean running;

	/**
	 * Creates the registrar.
	 * @param listeners the post-processor that found the listener methods
	 * @param provisioner provisions queues and subscriptions
	 * @param builder creates the container of each listener
	 * @param publishedChannels the channels this application publishes (for the warning about
	 * listeners on unknown channels)
	 */
	public ListenerContainers(ListenerAnnotationBeanPostProcessor listeners, SnsSqsProvisioner provisioner,
			ListenerContainerBuilder builder, Set<String> publishedChannels) {
		this.listeners = listeners;
		this.provisioner = provisioner;
		this.builder = builder;
		this.publishedChannels = Set.copyOf(publishedChannels);
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<ListenerEndpoint> endpoints = this.listeners.endpoints();
		if (!endpoints.isEmpty()) {
			// before anything is provisioned
			this.builder.checkPollTimeout();
		}
		for (ListenerEndpoint endpoint : endpoints) {
			if (!this.publishedChannels.contains(endpoint.channel())) {
				logger.warn("eventbus: @Listener " + endpoint.describe() + " listens to channel '" + endpoint.channel()
						+ "', which no @PublishEvents entity of this application publishes; fine if another "
						+ "service publishes it, otherwise check the channel name");
			}
		}
		provision(endpoints).forEach((endpoint, queue) -> {
			this.queues.add(queue);
			this.containers.add(this.builder.build(endpoint, queue));
			logger.info("eventbus: @Listener " + endpoint.describe() + " consumes channel '" + endpoint.channel()
					+ "' from queue " + queue.queueName()
					+ (endpoint.actions().isEmpty() ? "" : " (actions " + endpoint.actions() + ")"));
		});
	}

	/**
	 * Provisions the topics of the published channels and each listener's queue, or in
	 * {@code validate} mode reports everything missing at once.
	 * @param endpoints the listeners
	 * @return the queue of each listener, in the order of the listeners
	 */
	private Map<ListenerEndpoint, ListenerQueue> provision(List<ListenerEndpoint> endpoints) {
		Map<ListenerEndpoint, ListenerQueue> queues = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		try {
			this.provisioner.provisionTopics(this.publishedChannels);
		}
		catch (MissingResourcesException ex) {
			missing.addAll(ex.getMissing());
		}
		for (ListenerEndpoint endpoint : endpoints) {
			try {
				queues.put(endpoint,
						this.provisioner.provisionListener(endpoint.id(), endpoint.channel(), endpoint.actions()));
			}
			catch (MissingResourcesException ex) {
				ex.getMissing().stream().filter((resource) -> !missing.contains(resource)).forEach(missing::add);
			}
		}
		if (!missing.isEmpty()) {
			throw new MissingResourcesException(missing, this.provisioner.mode());
		}
		return queues;
	}

	/**
	 * The queues of the listeners, in the order the listeners were found.
	 * @return the queues
	 */
	public List<ListenerQueue> queues() {
		return List.copyOf(this.queues);
	}

	@Override
	public void start() {
		this.containers.forEach(SqsMessageListenerContainer::start);
		this.running = true;
	}

	@Override
	public void stop() {
		this.containers.parallelStream().forEach(SqsMessageListenerContainer::stop);
		this.running = false;
	}

	/**
	 * Stops the visibility renewal thread.
	 */
	@Override
	public void destroy() {
		this.builder.close();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
