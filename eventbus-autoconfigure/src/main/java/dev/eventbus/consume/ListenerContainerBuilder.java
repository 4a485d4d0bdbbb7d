package dev.eventbus.consume;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import io.awspring.cloud.sqs.listener.acknowledgement.handler.AcknowledgementMode;
import io.awspring.cloud.sqs.listener.backpressure.BackPressureHandlerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.observation.HandleObservationConvention;
import dev.eventbus.provision.ListenerQueue;

/**
 * Creates the Spring Cloud AWS {@link SqsMessageListenerContainer} of one listener, from the
 * application's container factory (so {@code spring.cloud.aws.sqs.listener.*} applies): eventbus's
 * options, then the {@link ListenerConfigurer}s, then its message listener, error handler, dead
 * letters, outage gate and the tracking of deletions a stopping container leaves behind
 * ({@link PendingAcknowledgements}). Owns the thread that extends the visibility of running handlers.
 */
public final class ListenerContainerBuilder implements AutoCloseable {

	/** How long a stopping container may take to send its batched deletions (20 s in Spring Cloud AWS). */
	static final Duration ACKNOWLEDGEMENT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(1);

	private final SqsMessageListenerContainerFactory<Object> factory;

	private final SqsAsyncClient sqs;

	private final EventMessageCodec codec;

	private final Settings settings;

	private final @Nullable Inbox inbox;

	private final @Nullable ConsumptionBreakers breakers;

	private final List<ListenerConfigurer> configurers;

	private final VisibilityHeartbeat heartbeat;

	private final Observability observability;

	/**
	 * Creates the builder.
	 * @param factory the SQS container factory
	 * @param sqs the SQS client (for dead letters)
	 * @param codec the message codec
	 * @param settings consumer settings
	 * @param inbox the inbox of idempotent listeners, {@code null} without a data source
	 * @param breakers the breakers that pause listeners during outages, {@code null} to treat
	 * outage failures like any other
	 * @param configurers the users' configurers, in order
	 */
	public ListenerContainerBuilder(SqsMessageListenerContainerFactory<Object> factory, SqsAsyncClient sqs,
			EventMessageCodec codec, Settings settings, @Nullable Inbox inbox, @Nullable ConsumptionBreakers breakers,
			List<ListenerConfigurer> configurers) {
		this(factory, sqs, codec, settings, inbox, breakers, configurers, Observability.NONE);
	}

	/**
	 * Creates the builder of observed listeners.
	 * @param factory the SQS container factory
	 * @param sqs the SQS client (for dead letters)
	 * @param codec the message codec
	 * @param settings consumer settings
	 * @param inbox the inbox of idempotent listeners, {@code null} without a data source
	 * @param breakers the breakers that pause listeners during outages, {@code null} to treat
	 * outage failures like any other
	 * @param configurers the users' configurers, in order
	 * @param observability the observation registry, convention and meter registry
	 */
	public ListenerContainerBuilder(SqsMessageListenerContainerFactory<Object> factory, SqsAsyncClient sqs,
			EventMessageCodec codec, Settings settings, @Nullable Inbox inbox, @Nullable ConsumptionBreakers breakers,
			List<ListenerConfigurer> configurers, Observability observability) {
		this.observability = observability;
		this.factory = factory;
		this.sqs = sqs;
		this.codec = codec;
		this.settings = settings;
		this.inbox = inbox;
		this.breakers = breakers;
		this.configurers = List.copyOf(configurers);
		this.heartbeat = new VisibilityHeartbeat(settings.visibilityTimeout(), settings.maxHandlingTime());
	}

	/**
	 * Fails if a long poll of the factory's containers would not end before the SQS client gives
	 * up on the call. All containers come from the one factory, so one check covers them.
	 * @throws PollTimeoutTooLongException if the poll timeout is not shorter than a client timeout
	 */
	void checkPollTimeout() {
		Duration poll = this.factory.createContainer("eventbus-poll-timeout-check").getContainerOptions().getPollTimeout();
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

	/**
	 * Creates the container of a listener; it does not start by itself.
	 * @param endpoint the listener
	 * @param queue its provisioned queue
	 * @return the container
	 */
	ListenerContainer build(ListenerEndpoint endpoint, ListenerQueue queue) {
		SqsMessageListenerContainer<Object> container = this.factory.createContainer(queue.queueName());
		container.setId("eventbus-" + endpoint.id());
		container.setPayloadDeserializationType(String.class);
		if (container.getContainerComponentFactories().isEmpty()) {
			// sinks that leave failure logging to the error handler (one line per failure)
			container.setComponentFactories(ListenerSinks.componentFactories());
		}
		ListenerInfo info = endpoint.info(queue.queueName());
		container.configure((options) -> {
			options.maxConcurrentMessages(endpoint.concurrency())
				.maxMessagesPerPoll(Math.min(endpoint.concurrency(), 10))
				.listenerShutdownTimeout(this.settings.shutdownTimeout())
				// Spring Cloud AWS 4.1.0 waits this long for batched deletions it will never send
				// (see PendingAcknowledgements), then drops them: eventbus sends them instead
				.acknowledgementShutdownTimeout(ACKNOWLEDGEMENT_SHUTDOWN_TIMEOUT)
				.autoStartup(false);
			this.configurers.forEach((configurer) -> configurer.configure(info, options));
		});
		DeadLetterSender deadLetters = new DeadLetterSender(this.sqs, queue.deadLetterQueueName(), endpoint.id(),
				this.observability.meters());
		ListenerGate gate = (this.breakers != null)
				? new ListenerGate(endpoint.describe(), this.breakers, endpoint.idempotent()) : null;
		ListenerErrorHandler errors = new ListenerErrorHandler(endpoint.describe(), endpoint.retry(),
				this.settings.maxReceiveCount(), deadLetters, gate);
		HandleObservations observations = new HandleObservations(endpoint.id(), this.observability.registry(),
				this.observability.convention(), this.observability.meters(), Clock.systemUTC());
		EventMessageListener listener = new EventMessageListener(endpoint, queue.queueName(), queue.topicArn(),
				this.codec, deadLetters, this.heartbeat, endpoint.idempotent() ? this.inbox : null,
				this.settings.rawDelivery(), observations, errors);
		PendingAcknowledgements acknowledgements = null;
		if (container.getContainerOptions().getAcknowledgementMode() != AcknowledgementMode.MANUAL) {
			// with manual acknowledgement the listener never deletes, so there is nothing to send
			PendingAcknowledgements tracked = new PendingAcknowledgements(this.sqs, endpoint.describe(),
					container.getAcknowledgementResultCallback());
			container.setAcknowledgementResultCallback(tracked);
			container.setMessageListener((message) -> {
				listener.onMessage(message);
				tracked.handled(message);
			});
			acknowledgements = tracked;
		}
		else {
			container.setMessageListener(listener);
		}
		if (gate != null) {
			this.breakers.register(endpoint.id(), gate);
			BackPressureHandlerFactory own = container.getContainerOptions().getBackPressureHandlerFactory();
			BackPressureHandlerFactory gated = PausingBackPressureHandler.factory(gate, own);
			container.configure((options) -> options.backPressureHandlerFactory(gated));
		}
		container.setErrorHandler(errors);
		return new ListenerContainer(container, acknowledgements);
	}

	/**
	 * Stops the visibility renewal thread.
	 */
	@Override
	public void close() {
		this.heartbeat.close();
	}

	/**
	 * Whether the queues receive raw messages rather than SNS notifications.
	 * @return {@code eventbus.consume.raw-delivery}
	 */
	boolean rawDelivery() {
		return this.settings.rawDelivery();
	}

	/**
	 * Consumer settings the containers share.
	 *
	 * @param maxReceiveCount deliveries before SQS moves a message to the dead-letter queue
	 * @param visibilityTimeout the queues' visibility timeout
	 * @param maxHandlingTime how long the visibility of a running handler's message is extended
	 * @param shutdownTimeout how long in-flight handlers may finish on shutdown
	 * @param rawDelivery whether queues receive raw messages rather than SNS notifications
	 */
	public record Settings(int maxReceiveCount, Duration visibilityTimeout, Duration maxHandlingTime,
			Duration shutdownTimeout, boolean rawDelivery) {
	}

	/**
	 * How listeners are observed: one {@code eventbus.handle} observation per delivery, the
	 * {@code eventbus.handle.lag} timer and the {@code eventbus.dead.lettered} counter.
	 *
	 * @param registry the application's observation registry
	 * @param convention the application's convention, {@code null} for the default
	 * @param meters the application's meter registry, {@code null} for no meters
	 */
	public record Observability(ObservationRegistry registry, @Nullable HandleObservationConvention convention,
			@Nullable MeterRegistry meters) {

		/** Observes nothing. */
		public static final Observability NONE = new Observability(ObservationRegistry.NOOP, null, null);

	}

}
