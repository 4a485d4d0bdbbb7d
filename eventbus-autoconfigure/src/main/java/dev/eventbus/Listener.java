package dev.eventbus;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that receives the events of a channel. Each listener method gets its
 * own SQS queue, subscribed to the channel's SNS topic, so two listeners on one channel each
 * receive every event and all instances of the application share the work of one listener.
 * <p>
 * Supported signatures:
 * <ul>
 * <li>{@code void on(EntityEvent<OrderView> event)}: the whole event, the payload converted
 * to the type argument ({@code Map<String, Object>} when it is a wildcard or absent);</li>
 * <li>{@code void on(OrderView order)}: the payload alone, converted to a record, a class or a
 * {@code Map};</li>
 * <li>{@code void on(String channel, Action action, Map<String, Object> data)}: the channel,
 * the action and the payload; with a {@code String} action parameter,
 * {@code void on(String channel, String action, Map<String, Object> data)}, also custom
 * actions.</li>
 * </ul>
 * This is the list of the supported parameter styles; any other signature stops start-up with
 * an error that names the method and these styles.
 * The message is deleted from the queue only after the method returns normally; an exception
 * leaves it for redelivery.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Listener {

	/**
	 * The channel to listen to, for example {@code Order}. Supports {@code ${...}}
	 * placeholders.
	 * @return the channel name
	 */
	String value();

	/**
	 * The entity actions to receive. When neither this nor {@link #customActions()} names one
	 * (the default), the listener receives the entity actions {@code created}, {@code updated}
	 * and {@code deleted}. The filtering is done by the SNS subscription's filter policy, which
	 * always lists the actions, so unwanted events (and events with actions not listed, such as
	 * custom actions the listener does not name) never reach the queue.
	 * @return the entity actions to receive
	 */
	Action[] actions() default {};

	/**
	 * The custom actions to receive, such as {@code issued} for the events published with
	 * {@link EventBus} or as a {@link PublishedEvent}: open-ended lower-case words (a lower-case
	 * letter, then lower-case letters, digits, {@code -} or {@code _}, at most 64 characters).
	 * Added to {@link #actions()}; a listener that names only custom actions receives only
	 * those. Supports {@code ${...}} placeholders. A listener in the FRAME style takes a
	 * {@code String} action parameter to receive them ({@link Action} has no constant for them).
	 * @return the custom actions to receive
	 */
	String[] customActions() default {};

	/**
	 * The listener's id, part of its queue name. Empty (the default) means
	 * {@code <bean name>-<method name>}. Changing it changes the queue.
	 * @return the listener id
	 */
	String id() default "";

	/**
	 * How many messages of this listener's queue are handled at once in one application
	 * instance. {@code 0} (the default) means {@code eventbus.consume.max-concurrent-messages};
	 * {@code 1} handles one message at a time.
	 * @return the concurrency, or 0 for the configured default
	 */
	int concurrency() default 0;

	/**
	 * Whether this listener is idempotent: each event id is handled once even when SQS
	 * delivers it again. The event id is recorded in the {@code eventbus_inbox} table in the
	 * handler's transaction, and a redelivered event is acknowledged without calling the
	 * method. {@code eventbus.consume.idempotent=true} turns it on for every listener.
	 * @return whether redelivered events are skipped
	 */
	boolean idempotent() default false;

	/**
	 * Delay before the first redelivery after the method threw, as a duration such as
	 * {@code 5s}. Empty (the default) means {@code eventbus.consume.retry.initial-delay}.
	 * Supports {@code ${...}} placeholders.
	 * @return the first retry delay
	 */
	String retryInitialDelay() default "";

	/**
	 * Factor by which the retry delay grows with every further failure. Empty (the default)
	 * means {@code eventbus.consume.retry.multiplier}.
	 * @return the multiplier
	 */
	String retryMultiplier() default "";

	/**
	 * Longest delay between two deliveries, as a duration such as {@code 5m}. Empty (the
	 * default) means {@code eventbus.consume.retry.max-delay}.
	 * @return the longest retry delay
	 */
	String retryMaxDelay() default "";

	/**
	 * Exceptions that retrying cannot fix: when the method throws one of these (or a
	 * subclass), the message goes to the dead-letter queue at once. Added to
	 * {@code eventbus.consume.retry.non-retryable-exceptions}.
	 * @return the non-retryable exception types
	 */
	Class<? extends Throwable>[] noRetryFor() default {};

}
