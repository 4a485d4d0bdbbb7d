package dev.eventbus.operations;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a replay sent.
 *
 * @param listener the listener id
 * @param queue the listener's queue, the only place the events were sent to
 * @param channel the listener's channel
 * @param actions the actions replayed (the listener's filter), empty for all
 * @param matched how many retained events matched the range, the channel, the listener's topic and
 * its actions (at most the replay's {@code max})
 * @param sent how many of them the queue accepted
 * @param lastId the highest outbox id among the matched events, {@code null} if none matched: a
 * replay with {@code fromId = lastId + 1} continues where this one stopped
 * @param more whether more events matched than {@code max}
 * @param note why nothing could match, {@code null} when the channel is published here
 * @param errors one line per event the queue refused, empty when all went well
 */
public record ReplayResult(String listener, String queue, String channel, Set<String> actions, int matched,
		int sent, @Nullable Long lastId, boolean more, @Nullable String note, List<String> errors) {

	/**
	 * Creates the result.
	 * @param listener the listener id
	 * @param queue the queue
	 * @param channel the channel
	 * @param actions the actions
	 * @param matched events found
	 * @param sent events sent
	 * @param lastId highest id found
	 * @param more whether more matched
	 * @param note why nothing could match
	 * @param errors refusals
	 */
	public ReplayResult {
		actions = Set.copyOf(actions);
		errors = List.copyOf(errors);
	}

}
