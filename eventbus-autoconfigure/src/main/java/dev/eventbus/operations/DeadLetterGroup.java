package dev.eventbus.operations;

import java.time.Instant;
import java.util.List;

/**
 * The dead letters of one reason that a peek examined.
 *
 * @param reason the {@code eventbus-error} attribute, or {@link DeadLetterQueues#NO_REASON} for
 * messages without one (moved by SQS after {@code max-receive-count} deliveries)
 * @param count how many of the examined messages have this reason
 * @param first when the oldest of them was sent to the dead-letter queue ({@code SentTimestamp})
 * @param last when the newest of them was sent
 * @param samples the first few of them (at most {@value DeadLetterQueues#SAMPLES})
 */
public record DeadLetterGroup(String reason, int count, Instant first, Instant last, List<DeadLetterSample> samples) {

	/**
	 * Creates the group.
	 * @param reason the reason
	 * @param count how many
	 * @param first the oldest sent time
	 * @param last the newest sent time
	 * @param samples some of them
	 */
	public DeadLetterGroup {
		samples = List.copyOf(samples);
	}

}
