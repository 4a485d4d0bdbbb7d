package dev.eventbus.consume;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;

import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.provision.ListenerQueue;
import dev.eventbus.provision.SnsSqsProvisioner;

/**
 * Turns the {@link dev.eventbus.Listener} methods into running consumers: once all singletons
 * exist it provisions each listener's queue and creates a Spring Cloud AWS
 * {@link SqsMessageListenerContainer} for it (from the application's container factory, so
 * {@code spring.cloud.aws.sqs.listener.*} applies); it starts and stops them with the context.
 */
public final class ListenerContainers implements SmartInitializingSingleton, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ListenerContainers.class);

	private final ListenerAnnotationBeanPostProcessor listeners;

	private final SnsSqsProvisioner provisioner;

	private final SqsMessageListenerContainerFactory<Object> factory;

	private final SqsAsyncClient sqs;

	private final EventMessageCodec codec;

	private final Settings settings;

	private final List<SqsMessageListenerContainer<Object>> containers = new ArrayList<>();

	private final List<ListenerQueue> queues = new ArrayList<>();

	private volatile boolean running;

	/**
	 * Creates the registrar.
	 * @param listeners the post-processor that found the listener methods
	 * @param provisioner provisions queues and subscriptions
	 * @param factory the SQS container factory
	 * @param sqs the SQS client (for dead letters)
	 * @param codec the message codec
	 * @param settings consumer settings
	 */
	public ListenerContainers(ListenerAnnotationBeanPostProcessor listeners, SnsSqsProvisioner provisioner,
			SqsMessageListenerContainerFactory<Object> factory, SqsAsyncClient sqs, EventMessageCodec codec,
			Settings settings) {
		this.listeners = listeners;
		this.provisioner = provisioner;
		this.factory = factory;
		this.sqs = sqs;
		this.codec = codec;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (ListenerEndpoint endpoint : this.listeners.endpoints()) {
			if (!this.settings.publishedChannels().contains(endpoint.channel())) {
				logger.warn("eventbus: @Listener " + endpoint.describe() + " listens to channel '" + endpoint.channel()
						+ "', which no @PublishEvents entity of this application publishes; fine if another "
						+ "service publishes it, otherwise check the channel name");
			}
			ListenerQueue queue = this.provisioner.provisionListener(endpoint.id(), endpoint.channel(),
					endpoint.actions());
			this.queues.add(queue);
			this.containers.add(container(endpoint, queue));
			logger.info("eventbus: @Listener " + endpoint.describe() + " consumes channel '" + endpoint.channel()
					+ "' from queue " + queue.queueName()
					+ (endpoint.actions().isEmpty() ? "" : " (actions " + endpoint.actions() + ")"));
		}
	}

	private SqsMessageListenerContainer<Object> container(ListenerEndpoint endpoint, ListenerQueue queue) {
		SqsMessageListenerContainer<Object> container = this.factory.createContainer(queue.queueName());
		container.setId("eventbus-" + endpoint.id());
		container.setPayloadDeserializationType(String.class);
		int concurrency = (endpoint.concurrency() > 0) ? endpoint.concurrency()
				: this.settings.maxConcurrentMessages();
		container.configure((options) -> options.maxConcurrentMessages(concurrency)
			.maxMessagesPerPoll(Math.min(concurrency, 10))
			.autoStartup(false));
		container.setMessageListener(new EventMessageListener(endpoint, queue.queueName(), queue.topicArn(),
				this.codec, new EventMessageListener.DeadLetters(this.sqs, queue.deadLetterQueueName())));
		return container;
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

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Consumer settings.
	 *
	 * @param maxConcurrentMessages default concurrency per listener
	 * @param publishedChannels the channels this application publishes (for the warning about
	 * listeners on unknown channels)
	 */
	public record Settings(int maxConcurrentMessages, Set<String> publishedChannels) {

		public Settings {
			publishedChannels = Set.copyOf(publishedChannels);
		}

	}

}
