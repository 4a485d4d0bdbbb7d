package dev.eventbus.operations;

import java.util.List;

/**
 * What a peek into a listener's dead-letter queue found.
 *
 * @param listener the listener id
 * @param deadLetterQueue the dead-letter queue's name
 * @param examined how many messages were examined (at most the peek's {@code max})
 * @param approximateMessages the queue's {@code ApproximateNumberOfMessages} before the peek
 * @param more whether the queue held more messages than were examined
 * @param groups the examined messages by reason, the most frequent first
 */
public record DeadLetterReport(String listener, String deadLetterQueue, int examined, long approximateMessages,
		boolean more, List<DeadLetterGroup> groups) {

	/**
	 * Creates the report.
	 * @param listener the listener id
	 * @param deadLetterQueue the dead-letter queue
	 * @param examined messages examined
	 * @param approximateMessages messages SQS counted
	 * @param more whether there were more
	 * @param groups by reason
	 */
	public DeadLetterReport {
		groups = List.copyOf(groups);
	}

}
