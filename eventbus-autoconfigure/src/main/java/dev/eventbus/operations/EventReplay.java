package dev.eventbus.operations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.eventbus.message.ActionNames;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.consume.RegisteredListener;

/**
 * Replays retained events (outbox rows already published and not yet purged) to one listener:
 * they are sent straight to that listener's own queue, never to the topic, so no other listener
 * receives them. Only the events its subscription would have let through are sent: those of its
 * channel that went to its topic, with one of its actions. An idempotent listener skips the events
 * it handled (same event id, its inbox). An application's outbox holds only the events it
 * published: a listener of a channel another application publishes cannot be replayed from here.
 */
public final class EventReplay {

	/** The most events one replay sends when the caller does not say. */
	public static final int DEFAULT_MAX = 1000;

	/** The most events one replay sends, whatever the caller asks. */
	public static final int MAX_LIMIT = 10_000;

	private final Listeners listeners;

	private final SqsQueues queues;

	private final RetainedEvents events;

	private final Set<String> publishedChannels;

	private final Clock clock;

	/**
	 * Creates the operation.
	 * @param listeners the application's listeners
	 * @param sqs the SQS client
	 * @param jdbc reads the outbox
	 * @param publishedChannels the channels this application publishes
	 * @param clock gives the notifications' {@code Timestamp}
	 */
	public EventReplay(ListenerContainers listeners, SqsAsyncClient sqs, JdbcTemplate jdbc,
			Set<String> publishedChannels, Clock clock) {
		this.listeners = new Listeners(listeners);
		this.queues = new SqsQueues(sqs);
		this.events = new RetainedEvents(jdbc);
		this.publishedChannels = Set.copyOf(publishedChannels);
		this.clock = clock;
	}

	/**
	 * Sends the retained events of a range to a listener's queue, lowest outbox id first.
	 * @param listenerId the listener id
	 * @param range which events, and how many at most
	 * @return what was sent
	 * @throws UnknownListenerException if the application has no such listener
	 */
	public ReplayResult replay(String listenerId, ReplayRange range) {
		RegisteredListener listener = this.listeners.get(listenerId);
		// the actions of its filter policy: a listener that names none takes the entity actions only
		Set<String> actions = new LinkedHashSet<>();
		(listener.info().actions().isEmpty() ? ActionNames.entityActions() : listener.info().actions()).stream()
			.sorted(ActionNames.ORDER)
			.forEach(actions::add);
		String queueName = listener.queue().queueName();
		if (!this.publishedChannels.contains(listener.info().channel())) {
			return new ReplayResult(listenerId, queueName, listener.info().channel(), actions, 0, 0, null, false,
					"this application does not publish channel '" + listener.info().channel()
							+ "': its events are retained in the outbox of the application that publishes it",
					List.of());
		}
		int limit = range.limit();
		String topicArn = listener.queue().topicArn();
		List<RetainedEvents.Event> found = this.events.find(listener.info().channel(),
				topicArn.substring(topicArn.lastIndexOf(':') + 1), actions, range, limit + 1);
		boolean more = found.size() > limit;
		List<RetainedEvents.Event> replayed = more ? found.subList(0, limit) : found;
		ReplayMessages messages = new ReplayMessages(listener, this.clock);
		List<SendMessageBatchRequestEntry> entries = new ArrayList<>(replayed.size());
		for (RetainedEvents.Event event : replayed) {
			entries.add(messages.entry(Long.toString(event.id()), event));
		}
		SqsQueues.Sent sent = entries.isEmpty() ? new SqsQueues.Sent(Set.of(), List.of())
				: this.queues.send(this.queues.url(queueName), entries);
		Long lastId = replayed.isEmpty() ? null : replayed.get(replayed.size() - 1).id();
		return new ReplayResult(listenerId, queueName, listener.info().channel(), actions, replayed.size(),
				sent.accepted().size(), lastId, more, null, sent.errors());
	}

}
