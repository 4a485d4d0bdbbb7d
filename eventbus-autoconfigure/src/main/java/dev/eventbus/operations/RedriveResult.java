package dev.eventbus.operations;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a redrive did.
 *
 * @param listener the listener id
 * @param reason the reason asked for, {@code null} for all
 * @param examined how many dead letters were received (at most the redrive's {@code max})
 * @param moved how many were sent back to the listener's queue and deleted from the dead-letter queue
 * @param left how many of the examined stay in the dead-letter queue: another reason, or SQS refused
 * to take or delete them (see {@code errors})
 * @param remaining the dead-letter queue's {@code ApproximateNumberOfMessages} afterwards
 * @param errors one line per message SQS refused to send or delete, empty when all went well
 */
public record RedriveResult(String listener, @Nullable String reason, int examined, int moved, int left,
		long remaining, List<String> errors) {

	/**
	 * Creates the result.
	 * @param listener the listener id
	 * @param reason the reason, {@code null} for all
	 * @param examined received
	 * @param moved moved back
	 * @param left stayed
	 * @param remaining messages SQS counts afterwards
	 * @param errors refusals
	 */
	public RedriveResult {
		errors = List.copyOf(errors);
	}

}
