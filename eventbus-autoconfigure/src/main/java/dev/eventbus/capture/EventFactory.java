package dev.eventbus.capture;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.jspecify.annotations.Nullable;

import dev.eventbus.Action;
import dev.eventbus.EventTooLargeException;
import dev.eventbus.message.EventMessage;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.observation.OutboxTraceContext;
import dev.eventbus.outbox.OutboxEvent;
import dev.eventbus.provision.NamingStrategy;

/**
 * Builds the outbox event of a change: a new event id, the envelope as JSON, the SNS size check,
 * the destination recorded with the event: the topic this application's naming strategy
 * gives the channel, and the publisher; and the trace context current at capture, so that the
 * publish span continues the trace of the transaction. Whichever instance relays the event (of this application
 * or of another one sharing the table) publishes it there.
 */
public final class EventFactory {

	/** SNS accepts messages of up to 256 KiB including attributes; this leaves room for them. */
	static final int MAX_BODY_BYTES = 256 * 1024 - 2048;

	private static final String ENTITY_SIZE_FIX = "exclude large attributes with @PublishEvents(exclude = ...)";

	private static final Log logger = LogFactory.getLog(EventFactory.class);

	private final EventMessageCodec codec;

	private final @Nullable String publisher;

	private final NamingStrategy naming;

	private final Clock clock;

	private final OutboxTraceContext traceContext;

	private final AtomicBoolean warnedTraceContext = new AtomicBoolean();

	/** Topic names by channel, so that a name is checked once. */
	private final Map<String, String> topics = new ConcurrentHashMap<>();

	/**
	 * Creates a factory.
	 * @param codec the message codec
	 * @param publisher the publisher name written into every event
	 * @param naming the naming strategy that gives each channel its topic
	 * @param clock the clock of {@code occurredAt}
	 */
	public EventFactory(EventMessageCodec codec, @Nullable String publisher, NamingStrategy naming, Clock clock) {
		this(codec, publisher, naming, clock, OutboxTraceContext.NONE);
	}

	/**
	 * Creates a factory that records the trace context current at capture with each event.
	 * @param codec the message codec
	 * @param publisher the publisher name written into every event
	 * @param naming the naming strategy that gives each channel its topic
	 * @param clock the clock of {@code occurredAt}
	 * @param traceContext gives the trace context to record
	 */
	public EventFactory(EventMessageCodec codec, @Nullable String publisher, NamingStrategy naming, Clock clock,
			OutboxTraceContext traceContext) {
		this.codec = codec;
		this.publisher = publisher;
		this.naming = naming;
		this.clock = clock;
		this.traceContext = traceContext;
	}

	/**
	 * The outbox event for a change.
	 * @param channel the channel
	 * @param action the action
	 * @param entityType the entity name or event type
	 * @param entityId the entity id as text
	 * @param entityVersion the entity's version, if versioned
	 * @param payload the published state
	 * @param changes the changed attributes of an update, or {@code null}
	 * @return the event to append
	 * @throws dev.eventbus.provision.InvalidResourceNameException if the channel makes no valid
	 * topic name
	 */
	public OutboxEvent create(String channel, Action action, String entityType, @Nullable String entityId,
			@Nullable Object entityVersion, Map<String, @Nullable Object> payload,
			@Nullable Map<String, Map<String, @Nullable Object>> changes) {
		return create(channel, action.wireName(), entityType, entityId, entityVersion, payload, changes, stamp(),
				ENTITY_SIZE_FIX);
	}

	/**
	 * The outbox event of a domain event (see {@link dev.eventbus.EventBus}): no version and no
	 * changes.
	 * @param channel the channel
	 * @param action the action name, already checked
	 * @param entityType the event type
	 * @param key the event's key, the envelope's {@code entityId}
	 * @param payload the event's data
	 * @return the event to append
	 * @throws EventTooLargeException if the message exceeds the SNS limit
	 * @throws dev.eventbus.provision.InvalidResourceNameException if the channel makes no valid
	 * topic name
	 */
	public OutboxEvent create(String channel, String action, String entityType, @Nullable String key,
			Map<String, @Nullable Object> payload) {
		return create(channel, action, entityType, key, null, payload, null, stamp(), "publish a smaller payload");
	}

	/**
	 * A new event id and capture time.
	 * @return the stamp of an event captured now
	 */
	Stamp stamp() {
		Instant now = this.clock.instant();
		return new Stamp(TimeOrderedIds.next(now.toEpochMilli()), now);
	}

	/**
	 * The outbox event of an entity change, with the id and time of an earlier stamp: a net
	 * change keeps those of its first change.
	 * @param change the change
	 * @param stamp the event's id and capture time
	 * @return the event to append
	 */
	OutboxEvent create(EntityChange change, Stamp stamp) {
		return create(change.entity().channel(), change.action().wireName(), change.entityType(), change.entityId(),
				change.version(), change.payload(), change.changes(), stamp, ENTITY_SIZE_FIX);
	}

	private OutboxEvent create(String channel, String action, String entityType, @Nullable String entityId,
			@Nullable Object entityVersion, Map<String, @Nullable Object> payload,
			@Nullable Map<String, Map<String, @Nullable Object>> changes, Stamp stamp, String sizeFix) {
		String topic = this.topics.computeIfAbsent(channel, this.naming::topicName);
		Instant now = stamp.occurredAt();
		UUID eventId = stamp.eventId();
		String body = this.codec.write(new EventMessage(eventId.toString(), channel, action, entityType, entityId, now,
				this.publisher, EventMessage.FORMAT_VERSION, entityVersion, payload, changes));
		if (body.length() * 3 > MAX_BODY_BYTES) {
			int size = body.getBytes(StandardCharsets.UTF_8).length;
			if (size > MAX_BODY_BYTES) {
				throw new EventTooLargeException(channel, entityId, size, MAX_BODY_BYTES, sizeFix);
			}
		}
		return new OutboxEvent(eventId, channel, action, entityId, topic, this.publisher, body, now, traceContext());
	}

	/** The current trace context if it fits the column; a longer one must not fail the user's commit. */
	private @Nullable String traceContext() {
		String current = this.traceContext.current();
		if (current == null || current.length() <= OutboxTraceContext.MAX_LENGTH) {
			return current;
		}
		if (this.warnedTraceContext.compareAndSet(false, true)) {
			logger.warn("eventbus stores events without their trace context: " + this.traceContext.getClass().getName()
					+ " gave " + current.length() + " characters, more than the " + OutboxTraceContext.MAX_LENGTH
					+ " of the trace_context column; logged once");
		}
		return null;
	}

	/**
	 * The id and capture time of an event.
	 *
	 * @param eventId the event id
	 * @param occurredAt the capture time, the envelope's {@code occurredAt}
	 */
	record Stamp(UUID eventId, Instant occurredAt) {
	}

}
