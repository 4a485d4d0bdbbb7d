package dev.eventbus.consume;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;

import dev.eventbus.message.ActionNames;
import dev.eventbus.provision.ListenerQueue;
import dev.eventbus.provision.QueueRequest;
import dev.eventbus.provision.QueueRequests;
import dev.eventbus.provision.SnsSqsProvisioner;

/**
 * The registrar of the {@link dev.eventbus.Listener} methods: once all singletons exist it
 * takes the endpoints the {@link ListenerAnnotationBeanPostProcessor} found, takes each
 * listener's queue from the {@link SnsSqsProvisioner} (which provisions what
 * {@link #queueRequests()} asks for and reports everything missing at once), and has the {@link ListenerContainerBuilder} create one Spring
 * Cloud AWS {@link SqsMessageListenerContainer} per listener; it starts and stops them with the
 * context.
 */
public final class ListenerContainers
		implements SmartInitializingSingleton, SmartLifecycle, DisposableBean, QueueRequests {

	private static final Log logger = LogFactory.getLog(ListenerContainers.class);

	private final ListenerAnnotationBeanPostProcessor listeners;

	private final SnsSqsProvisioner provisioner;

	private final ListenerContainerBuilder builder;

	private final Set<String> publishedChannels;

	private final List<ListenerContainer> containers = new ArrayList<>();

	private final List<ListenerQueue> queues = new ArrayList<>();

	private final List<RegisteredListener> registered = new ArrayList<>();

	private volatile boolean running;

	/**
	 * Creates the registrar.
	 * @param listeners the post-processor that found the listener methods
	 * @param provisioner the start-up step that provisions the listeners' queues
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
			// a listener that names a custom action listens to domain events, published from code
			if (!this.publishedChannels.contains(endpoint.channel())
					&& endpoint.actions().stream().allMatch(ActionNames::isEntityAction)) {
				logger.warn("eventbus: @Listener " + endpoint.describe() + " listens to channel '" + endpoint.channel()
						+ "', which no @PublishEvents entity of this application publishes; fine if another "
						+ "service publishes it, otherwise check the channel name");
			}
		}
		// the topics of the published channels and the queue of every listener (see queueRequests())
		this.provisioner.provision();
		for (ListenerEndpoint endpoint : endpoints) {
			ListenerQueue queue = this.provisioner.queue(endpoint.id());
			this.queues.add(queue);
			this.registered.add(new RegisteredListener(endpoint.info(queue.queueName()), queue, endpoint.idempotent(),
					this.builder.rawDelivery()));
			this.containers.add(this.builder.build(endpoint, queue));
			logger.info("eventbus: @Listener " + endpoint.describe() + " consumes channel '" + endpoint.channel()
					+ "' from queue " + queue.queueName()
					+ (endpoint.actions().isEmpty() ? "" : " (actions " + endpoint.actions() + ")"));
		}
	}

	/**
	 * What the listeners need provisioned.
	 * @return one request per listener method
	 */
	@Override
	public List<QueueRequest> queueRequests() {
		return this.listeners.queueRequests();
	}

	/**
	 * The queues of the listeners, in the order the listeners were found.
	 * @return the queues
	 */
	public List<ListenerQueue> queues() {
		return List.copyOf(this.queues);
	}

	/**
	 * The listeners this application runs, in the order they were found; empty until all
	 * singletons exist.
	 * @return the listeners
	 */
	public List<RegisteredListener> listeners() {
		return List.copyOf(this.registered);
	}

	/**
	 * One listener by id.
	 * @param id the listener id
	 * @return the listener, if this application runs one of that id
	 */
	public Optional<RegisteredListener> listener(String id) {
		return this.registered.stream().filter((listener) -> listener.id().equals(id)).findFirst();
	}

	@Override
	public void start() {
		this.containers.forEach(ListenerContainer::start);
		this.running = true;
	}

	@Override
	public void stop() {
		// all at once: each waits for its handlers and its deletions
		List<Thread> stopping = new ArrayList<>(this.containers.size());
		for (ListenerContainer container : this.containers) {
			Thread thread = new Thread(container::stop, "eventbus-stop-" + container.container().getId());
			thread.start();
			stopping.add(thread);
		}
		for (Thread thread : stopping) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
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
