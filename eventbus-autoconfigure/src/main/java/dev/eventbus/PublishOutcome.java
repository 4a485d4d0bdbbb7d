package dev.eventbus;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Publishes an event when the annotated bean method returns and another when it throws (the
 * "task succeeded" and "task failed" events of task queues).
 * <p>
 * The {@linkplain #success() success} event is written to the outbox in the transaction the
 * method runs in, so it is committed with the method's work or not at all. The
 * {@linkplain #failure() failure} event is written in a transaction of its own after the
 * method's transaction completed, so it survives the rollback. A method called outside a
 * transaction publishes each event in a transaction of its own. Its payload is an
 * {@link OutcomeFailure}: the {@linkplain #failureArguments() arguments you name}, the
 * exception type and message.
 *
 * <pre class="code">
 * &#64;PublishOutcome(channel = "Shipment", success = "shipped", failure = "shipping-failed",
 *         key = "#orderId", failureArguments = "orderId")
 * &#64;Transactional
 * public Shipment ship(UUID orderId) { ... }
 * </pre>
 *
 * Expressions are SpEL over the method's arguments, by name ({@code #orderId}) or position
 * ({@code #p0}), and, in {@link #payload()}, the return value ({@code #result}). A bad
 * expression, action, argument name or channel stops start-up. Like every Spring proxy, the
 * annotation works on calls through the bean, not on calls from the bean to itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublishOutcome {

	/**
	 * The channel of both events. {@code ${...}} placeholders are resolved.
	 * @return the channel name
	 */
	String channel();

	/**
	 * The action of the event published when the method returns: a custom action (a lower-case
	 * letter, then lower-case letters, digits, {@code -} or {@code _}, at most 64 characters).
	 * {@code ${...}} placeholders are resolved.
	 * @return the success action
	 */
	String success() default "succeeded";

	/**
	 * The action of the event published when the method throws, by the same rule as
	 * {@link #success()}.
	 * @return the failure action
	 */
	String failure() default "failed";

	/**
	 * The payload of the success event: a SpEL expression over the arguments and
	 * {@code #result}. Empty (the default) means the return value; a method that returns
	 * {@code void} or {@code null} publishes an empty object.
	 * @return the payload expression
	 */
	String payload() default "";

	/**
	 * The key of both events: a SpEL expression over the arguments whose value, as text, is the
	 * envelope's {@code entityId} and the ordering key (the FIFO message group). Empty (the
	 * default) means no key.
	 * @return the key expression
	 */
	String key() default "";

	/**
	 * The parameters whose values the failure event carries, by name (the class must be
	 * compiled with {@code -parameters}, as Spring Boot's build plugins do). None by default.
	 * @return the parameter names
	 */
	String[] failureArguments() default {};

}
