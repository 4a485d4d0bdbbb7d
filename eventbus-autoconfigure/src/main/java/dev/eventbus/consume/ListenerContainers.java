package dev.eventbus.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import io.awspring.cloud.sqs.listener.backpressure.BackPressureHandlerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;

import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.provision.ListenerQueue;
import dev.eventbus.provision.QueueRequest;
import dev.eventbus.provision.QueueRequests;
import dev.eventbus.provision.SnsSqsProvisioner;

/**
 * Turns the {@link dev.eventbus.Listener} methods into running consumers: once all singletons
 * exist it takes each listener's queue from the {@link SnsSqsProvisioner} (which provisions what
 * {@link #queueRequests()} asks for, and reports everything missing at once) and creates a Spring Cloud AWS
 * {@link SqsMessageListenerContainer} for it (from the application's container factory, so
 * {@code spring.cloud.aws.sqs.listener.*} applies); it starts and stops them with the context.
 */
public final class ListenerContainers
		implements SmartInitializingSingleton, SmartLifecycle, DisposableBean, QueueRequests {

	private static final Log logger = LogFactory.getLog(ListenerContainers.class);

	private final ListenerAnnotationBeanPostProcessor listeners;

	private final SnsSqsProvisioner provisioner;

	private final SqsMessageListenerContainerFactory<Object> factory;

	private final SqsAsyncClient sqs;

	private final EventMessageCodec codec;

	private final Settings settings;

	private final @Nullable Inbox inbox;

	private final VisibilityHeartbeat heartbeat;

	private final @Nullable ConsumptionBreakers breakers;

	private final List<SqsMessageListenerContainer<Object>> containers = new ArrayList<>();

	private final List<ListenerQueue> queues = new ArrayList<>();

	private volatile boolean running;

	/**
	 * Creates the registrar.
	 * @param listeners the post-processor that found the listener methods
	 * @param provisioner the start-up step that provisions the listeners' queues
	 * @param factory the SQS container factory
	 * @param sqs the SQS client (for dead letters)
	 * @param codec the message codec
	 * @param settings consumer settings
	 * @param inbox the inbox of idempotent listeners, {@code null} without a data source
	 * @param breakers the breakers that pause listeners during outages, {@code null} to treat
	 * outage failures like any other
	 */
	public ListenerContainers(ListenerAnnotationBeanPostProcessor listeners, SnsSqsProvisioner provisioner,
			SqsMessageListenerContainerFactory<Object> factory, SqsAsyncClient sqs, EventMessageCodec codec,
			Settings settings, @Nullable Inbox inbox, @Nullable ConsumptionBreakers breakers) {
		this.breakers = breakers;
		this.listeners = listeners;
		this.provisioner = provisioner;
		this.factory = factory;
		this.sqs = sqs;
		this.codec = codec;
		this.settings = settings;
		this.inbox = inbox;
		this.heartbeat = new VisibilityHeartbeat(settings.visibilityTimeout(), settings.maxHandlingTime());
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.listeners.endpoints().forEach(this::requireInboxIfIdempotent);
		if (!this.listeners.endpoints().isEmpty()) {
			// before anything is provisioned; all containers come from the one factory
			checkPollTimeout(this.factory.createContainer("eventbus-poll-timeout-check"));
		}
		for (ListenerEndpoint endpoint : this.listeners.endpoints()) {
			if (!this.settings.publishedChannels().contains(endpoint.channel())) {
				logger.warn("eventbus: @Listener " + endpoint.describe() + " listens to channel '" + endpoint.channel()
						+ "', which no @PublishEvents entity of this application publishes; fine if another "
						+ "service publishes it, otherwise check the channel name");
			}
			// the first one runs the provisioning of everything (see queueRequests())
			ListenerQueue queue = this.provisioner.queue(endpoint.id());
			this.queues.add(queue);
			this.containers.add(container(endpoint, queue));
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
		return this.listeners.endpoints()
			.stream()
			.map((endpoint) -> new QueueRequest(endpoint.id(), endpoint.channel(), endpoint.actions()))
			.toList();
	}

	private SqsMessageListenerContainer<Object> container(ListenerEndpoint endpoint, ListenerQueue queue) {
		SqsMessageListenerContainer<Object> container = this.factory.createContainer(queue.queueName());
		container.setId("eventbus-" + endpoint.id());
		container.setPayloadDeserializationType(String.class);
		if (container.getContainerComponentFactories().isEmpty()) {
			// sinks that leave failure logging to the error handler (one line per failure)
			container.setComponentFactories(ListenerSinks.componentFactories());
		}
		int concurrency = (endpoint.concurrency() > 0) ? endpoint.concurrency()
				: this.settings.maxConcurrentMessages();
		container.configure((options) -> options.maxConcurrentMessages(concurrency)
			.maxMessagesPerPoll(Math.min(concurrency, 10))
			.listenerShutdownTimeout(this.settings.shutdownTimeout())
			.autoStartup(false));
		boolean idempotent = endpoint.idempotent() || this.settings.idempotent();
		DeadLetterSender deadLetters = new DeadLetterSender(this.sqs, queue.deadLetterQueueName());
		container.setMessageListener(new EventMessageListener(endpoint, queue.queueName(), queue.topicArn(),
				this.codec, deadLetters, this.heartbeat, idempotent ? this.inbox : null, this.settings.rawDelivery()));
		List<Class<? extends Throwable>> noRetryFor = new ArrayList<>(this.settings.nonRetryable());
		noRetryFor.addAll(endpoint.noRetryFor());
		ListenerGate gate = null;
		if (this.breakers != null) {
			gate = new ListenerGate(endpoint.describe(), this.breakers, idempotent);
			BackPressureHandlerFactory own = container.getContainerOptions().getBackPressureHandlerFactory();
			BackPressureHandlerFactory gated = PausingBackPressureHandler.factory(gate, own);
			container.configure((options) -> options.backPressureHandlerFactory(gated));
		}
		container.setErrorHandler(new ListenerErrorHandler(endpoint.describe(), retryPolicy(endpoint), noRetryFor,
				this.settings.maxReceiveCount(), deadLetters, gate));
		return container;
	}

	/** Fails before anything is provisioned when an idempotent listener has no inbox. */
	private void requireInboxIfIdempotent(ListenerEndpoint endpoint) {
		boolean idempotent = endpoint.idempotent() || this.settings.idempotent();
		if (idempotent && this.inbox == null) {
			throw new ListenerMethodException(endpoint.method(),
					"is idempotent (" + (endpoint.idempotent() ? "@Listener(idempotent = true)"
							: "eventbus.consume.idempotent=true") + "), which needs a DataSource for the "
							+ "eventbus_inbox table, and the application has none (or several, none of them @Primary)",
					"Configure a DataSource (spring.datasource.url) or mark one @Primary, or make the listener not "
							+ "idempotent: "
							+ (endpoint.idempotent() ? "remove idempotent = true from its @Listener."
									: "remove eventbus.consume.idempotent=true."));
		}
	}

	/** A long poll of the factory's containers must end before the SQS client gives up on the call. */
	private void checkPollTimeout(SqsMessageListenerContainer<Object> container) {
		Duration poll = container.getContainerOptions().getPollTimeout();
		ClientOverrideConfiguration client;
		try {
			client = this.sqs.serviceClientConfiguration().overrideConfiguration();
		}
		catch (UnsupportedOperationException ex) {
			// a wrapping client (such as the SQS extended client) that does not tell its configuration
			return;
		}
		for (Optional<Duration> timeout : List.of(client.apiCallAttemptTimeout(), client.apiCallTimeout())) {
			if (timeout.isPresent() && timeout.get().compareTo(poll) <= 0) {
				throw new PollTimeoutTooLongException(poll, timeout.get());
			}
		}
	}

	private ListenerErrorHandler.RetryPolicy retryPolicy(ListenerEndpoint endpoint) {
		ListenerErrorHandler.RetryPolicy defaults = this.settings.retry();
		ListenerEndpoint.RetryOverrides own = endpoint.retry();
		return new ListenerErrorHandler.RetryPolicy(
				(own.initialDelay() != null) ? own.initialDelay() : defaults.initialDelay(),
				(own.multiplier() != null) ? own.multiplier() : defaults.multiplier(),
				(own.maxDelay() != null) ? own.maxDelay() : defaults.maxDelay());
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
		this.heartbeat.close();
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
	 * @param idempotent whether all listeners are idempotent
	 * @param retryInitialDelay default first retry delay
	 * @param retryMultiplier default retry multiplier
	 * @param retryMaxDelay default longest retry delay
	 * @param nonRetryable exceptions that go to the dead-letter queue at once
	 * @param maxReceiveCount deliveries before SQS moves a message to the dead-letter queue
	 * @param visibilityTimeout the queues' visibility timeout
	 * @param maxHandlingTime how long the visibility of a running handler's message is extended
	 * @param shutdownTimeout how long in-flight handlers may finish on shutdown
	 * @param rawDelivery whether queues receive raw messages rather than SNS notifications
	 */
	public record Settings(int maxConcurrentMessages, Set<String> publishedChannels, boolean idempotent,
			Duration retryInitialDelay, double retryMultiplier, Duration retryMaxDelay,
			List<Class<? extends Throwable>> nonRetryable, int maxReceiveCount, Duration visibilityTimeout,
			Duration maxHandlingTime, Duration shutdownTimeout, boolean rawDelivery) {

		ListenerErrorHandler.RetryPolicy retry() {
			return new ListenerErrorHandler.RetryPolicy(this.retryInitialDelay, this.retryMultiplier,
					this.retryMaxDelay);
		}

		public Settings {
			publishedChannels = Set.copyOf(publishedChannels);
			nonRetryable = List.copyOf(nonRetryable);
		}

	}

}
