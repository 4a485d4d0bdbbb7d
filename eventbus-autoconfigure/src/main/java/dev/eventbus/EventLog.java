package dev.eventbus;

import java.util.List;

/**
 * Reads published events back from the outbox, where they are kept for
 * {@code eventbus.outbox.retention} (or forever, with {@code eventbus.outbox.purge-enabled=false}).
 * The log holds the events the relay has published: an event appears once it was sent to its
 * topic, so the log never shows an event a listener could not have received.
 * <p>
 * Two reads: the {@linkplain #history history} of one entity, and a channel from a
 * {@linkplain EventLogPosition position} on, in {@linkplain #read pages} that a worker reads one
 * after the other, storing the position of the last page it processed. Payloads are converted to
 * the given type as a {@link Listener} method's payload parameter is (unknown attributes ignored);
 * pass {@code Map.class} or {@code tools.jackson.databind.JsonNode.class} for the JSON as it is.
 */
public interface EventLog {

	/**
	 * The retained events of one entity, in the order their transactions committed (the order
	 * in which listeners received them).
	 * @param channel the channel, for example {@code Order}
	 * @param entityId the entity's id; a number or a UUID matches its text form, as in the
	 * envelope's {@code entityId}
	 * @param payloadType the type to convert each payload to
	 * @param <T> the payload type
	 * @return the events, oldest first; empty if none is retained
	 * @throws dev.eventbus.message.MalformedMessageException if a payload does not convert to the
	 * type
	 */
	<T> List<LoggedEvent<T>> history(String channel, Object entityId, Class<T> payloadType);

	/**
	 * A page of a channel's retained events after a position, in log order. Pass the page's
	 * {@link EventLogPage#next() next} position to read on; a worker that stores it after
	 * processing a page resumes there after a restart, and sees every event of the channel once
	 * (events purged before it read them excepted). A page ends early before an event published
	 * less than {@code eventbus.outbox.log-settle-time} ago, and before an event not yet
	 * published: those come in a later page (see "The event log" in the documentation).
	 * @param channel the channel
	 * @param after the position to read after, {@link EventLogPosition#START} for the oldest
	 * retained event
	 * @param limit the most events in the page, at least 1
	 * @param payloadType the type to convert each payload to
	 * @param <T> the payload type
	 * @return the page, possibly empty
	 * @throws IllegalArgumentException if {@code limit} is less than 1
	 * @throws dev.eventbus.message.MalformedMessageException if a payload does not convert to the
	 * type
	 */
	<T> EventLogPage<T> read(String channel, EventLogPosition after, int limit, Class<T> payloadType);

}
