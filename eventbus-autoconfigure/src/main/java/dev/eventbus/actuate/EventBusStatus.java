package dev.eventbus.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import dev.eventbus.consume.ConsumptionBreakers;
import dev.eventbus.consume.OutageCause;
import dev.eventbus.consume.QueueDepths;
import dev.eventbus.consume.RegisteredListener;
import dev.eventbus.message.ActionNames;
import dev.eventbus.outbox.OutboxBacklog;
import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.provision.CachingTopicResolver;
import dev.eventbus.provision.NamingStrategy;

/**
 * What the {@code eventbus} endpoint shows at {@code /actuator/eventbus}: the channels this
 * application publishes with their topics, entities and outbox backlog, and its listeners with
 * their queues and the depth of each. One grouped query of the outbox ({@link OutboxBacklog}),
 * two {@code GetQueueAttributes} calls per listener (in parallel); what cannot be read is
 * reported as an error of its part instead of failing the whole read.
 */
public final class EventBusStatus {

	private final Supplier<Map<String, SortedSet<String>>> entities;

	private final NamingStrategy naming;

	private final @Nullable CachingTopicResolver topics;

	private final @Nullable OutboxBacklog backlog;

	private final Supplier<List<RegisteredListener>> listeners;

	private final @Nullable QueueDepths depths;

	private final @Nullable ConsumptionBreakers breakers;

	private final @Nullable OutboxRelay relay;

	/**
	 * Creates the reader.
	 * @param entities the {@code @PublishEvents} entity classes by channel
	 * @param naming the naming strategy, for topic names
	 * @param topics the topic resolver, for the ARNs resolved so far (none without it)
	 * @param backlog the outbox backlog (none without a data source)
	 * @param listeners the registered listeners
	 * @param sqs the SQS client, for queue depths (none without it)
	 * @param breakers the consumption breakers, if listeners pause during outages
	 * @param relay this instance's relay, if it runs one
	 */
	public EventBusStatus(Supplier<Map<String, SortedSet<String>>> entities, NamingStrategy naming,
			@Nullable CachingTopicResolver topics, @Nullable OutboxBacklog backlog,
			Supplier<List<RegisteredListener>> listeners, @Nullable SqsAsyncClient sqs,
			@Nullable ConsumptionBreakers breakers, @Nullable OutboxRelay relay) {
		this.entities = entities;
		this.naming = naming;
		this.topics = topics;
		this.backlog = backlog;
		this.listeners = listeners;
		this.depths = (sqs != null) ? new QueueDepths(sqs) : null;
		this.breakers = breakers;
		this.relay = relay;
	}

	/**
	 * Reads the status now.
	 * @param writesEnabled whether the endpoint's write operations are enabled
	 * @return the status
	 */
	public Overview read(boolean writesEnabled) {
		List<Listener> listeners = listeners();
		OutboxBacklog.Snapshot snapshot = null;
		String backlogError = null;
		if (this.backlog != null) {
			try {
				snapshot = this.backlog.read();
			}
			catch (RuntimeException ex) {
				backlogError = String.valueOf(ex.getMessage());
			}
		}
		return new Overview(writesEnabled, this.relay != null, this.relay != null && this.relay.isRunning(),
				channels(snapshot), backlogError, listeners, consumption());
	}

	private List<Channel> channels(OutboxBacklog.@Nullable Snapshot snapshot) {
		Map<String, SortedSet<String>> byChannel = new TreeMap<>(this.entities.get());
		if (snapshot != null) {
			// rows of channels this application does not publish (a shared outbox table)
			snapshot.channels().keySet().forEach((channel) -> byChannel.putIfAbsent(channel, new TreeSet<>()));
		}
		List<Channel> channels = new ArrayList<>();
		byChannel.forEach((channel, entities) -> {
			OutboxBacklog.Channel rows = (snapshot != null) ? snapshot.channel(channel) : null;
			channels.add(new Channel(channel, topicName(channel), (this.topics != null) ? knownArn(channel) : null,
					List.copyOf(entities), (rows != null) ? rows.pending() : null,
					(rows != null) ? rows.failing() : null,
					(rows != null) ? seconds(rows.age(snapshot.takenAt())) : null));
		});
		return channels;
	}

	private List<Listener> listeners() {
		List<RegisteredListener> registered = this.listeners.get();
		List<CompletableFuture<QueueDepths.Depth>> queues = new ArrayList<>();
		List<CompletableFuture<QueueDepths.Depth>> deadLetters = new ArrayList<>();
		for (RegisteredListener listener : registered) {
			queues.add(depth(listener.queue().queueName()));
			deadLetters.add(depth(listener.queue().deadLetterQueueName()));
		}
		List<Listener> listeners = new ArrayList<>();
		for (int i = 0; i < registered.size(); i++) {
			RegisteredListener listener = registered.get(i);
			List<String> errors = new ArrayList<>();
			QueueDepths.Depth queue = join(queues.get(i), errors);
			QueueDepths.Depth deadLetter = join(deadLetters.get(i), errors);
			listeners.add(new Listener(listener.id(), listener.info().channel(),
					listener.info().actions().stream().sorted(ActionNames.ORDER).toList(),
					listener.queue().queueName(), listener.queue().deadLetterQueueName(), listener.queue().topicArn(),
					queue, deadLetter, errors.isEmpty() ? null : String.join("; ", errors), listener.idempotent(),
					listener.rawDelivery(), (this.breakers != null) && this.breakers.isPaused(listener.id())));
		}
		return listeners;
	}

	private CompletableFuture<QueueDepths.Depth> depth(String queueName) {
		if (this.depths == null) {
			return CompletableFuture.failedFuture(new IllegalStateException("no SQS client"));
		}
		try {
			return this.depths.depth(queueName);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private static QueueDepths.@Nullable Depth join(CompletableFuture<QueueDepths.Depth> depth, List<String> errors) {
		try {
			return depth.join();
		}
		catch (CompletionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			errors.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
			return null;
		}
	}

	private @Nullable Consumption consumption() {
		if (this.breakers == null) {
			return null;
		}
		Map<OutageCause, String> states = new EnumMap<>(OutageCause.class);
		for (OutageCause cause : OutageCause.values()) {
			states.put(cause, this.breakers.breaker(cause).state().name());
		}
		return new Consumption(this.breakers.isPaused(), states);
	}

	private @Nullable String topicName(String channel) {
		try {
			return this.naming.topicName(channel);
		}
		catch (RuntimeException ex) {
			// a channel of another application that this application's prefix makes no name of
			return null;
		}
	}

	private @Nullable String knownArn(String channel) {
		try {
			return this.topics.knownTopicArn(channel);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	/**
	 * The status of the application's eventbus.
	 *
	 * @param writesEnabled whether the write operations are enabled
	 * ({@code eventbus.management.writes-enabled})
	 * @param relayEnabled whether this instance runs a relay
	 * @param relayRunning whether it is running now
	 * @param channels the channels it publishes, and those with rows in its outbox table
	 * @param backlogError why the outbox could not be read, {@code null} when it was
	 * @param listeners its listeners
	 * @param consumption the consumption breakers, {@code null} when listeners do not pause
	 * during outages
	 */
	public record Overview(boolean writesEnabled, boolean relayEnabled, boolean relayRunning, List<Channel> channels,
			@Nullable String backlogError, List<Listener> listeners, @Nullable Consumption consumption) {
	}

	/**
	 * One channel.
	 *
	 * @param channel the channel
	 * @param topic its topic name, {@code null} when this application's naming gives none
	 * @param topicArn the topic ARN if this instance resolved it, else {@code null}
	 * @param entities the {@code @PublishEvents} entity classes publishing to it (empty for a
	 * channel of another application on a shared outbox table)
	 * @param pending unpublished rows, {@code null} when the outbox could not be read
	 * @param failing unpublished rows whose publish failed at least once
	 * @param oldestAgeSeconds age of the oldest unpublished row, 0 without any
	 */
	public record Channel(String channel, @Nullable String topic, @Nullable String topicArn, List<String> entities,
			@Nullable Long pending, @Nullable Long failing, @Nullable Double oldestAgeSeconds) {
	}

	/**
	 * One listener.
	 *
	 * @param id the listener id
	 * @param channel the channel it listens to
	 * @param actions the actions it takes (its subscription's filter), empty for all it can bind
	 * @param queue its queue
	 * @param deadLetterQueue its dead-letter queue
	 * @param topicArn the topic its queue is subscribed to
	 * @param queueDepth the messages in its queue, {@code null} when they could not be read
	 * @param deadLetterQueueDepth the messages in its dead-letter queue, {@code null} when they
	 * could not be read
	 * @param depthError why a depth could not be read, {@code null} when both were
	 * @param idempotent whether it skips events it handled before
	 * @param rawDelivery whether its queue receives raw messages
	 * @param paused whether an outage breaker holds its consumption (it needs a dependency that
	 * is down)
	 */
	public record Listener(String id, String channel, List<String> actions, String queue, String deadLetterQueue,
			String topicArn, QueueDepths.@Nullable Depth queueDepth, QueueDepths.@Nullable Depth deadLetterQueueDepth,
			@Nullable String depthError, boolean idempotent, boolean rawDelivery, boolean paused) {
	}

	/**
	 * The state of the consumption breakers that pause listeners during outages.
	 *
	 * @param paused whether any breaker is open or half-open (some listeners do not consume at
	 * full speed)
	 * @param breakers the state of each breaker ({@code CLOSED}, {@code OPEN},
	 * {@code HALF_OPEN}) by cause
	 */
	public record Consumption(boolean paused, Map<OutageCause, String> breakers) {
	}

}
