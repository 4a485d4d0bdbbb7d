package dev.eventbus.test.inmemory;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An event that in-memory delivery gave up on for one listener: what its SQS dead-letter queue would
 * hold, with the same reason as the {@code eventbus-error} message attribute.
 *
 * @param listenerId the listener id
 * @param body the message body, as the relay sent it
 * @param attributes the message attributes it was sent with ({@code channel}, {@code action},
 * {@code eventId}, ...)
 * @param reason why: the event could not be read or bound (poison), the listener threw a
 * non-retryable exception ({@code not retryable: ...}) or failed on every delivery
 * ({@code failed 5 of 5 deliveries: ...})
 * @param deliveries the delivery on which it was dead-lettered (1 for poison, which never reaches the method,
 * and for a non-retryable failure)
 * @param failure what the listener threw, or why the event could not be read or bound
 * @param at when it was dead-lettered
 */
public record InMemoryDeadLetter(String listenerId, String body, Map<String, String> attributes, String reason,
		int deliveries, @Nullable Throwable failure, Instant at) {

	/**
	 * Creates a dead letter; the attributes are copied.
	 * @param listenerId the listener id
	 * @param body the message body
	 * @param attributes the message attributes
	 * @param reason why it was dead-lettered
	 * @param deliveries how often it was delivered
	 * @param failure what the listener threw, or why the event could not be read or bound
	 * @param at when it was dead-lettered
	 */
	public InMemoryDeadLetter {
		attributes = Map.copyOf(attributes);
	}

	/**
	 * The event id, from the {@code eventId} attribute.
	 * @return the id, {@code null} if the message came without one
	 */
	public @Nullable String eventId() {
		return this.attributes.get("eventId");
	}

}
