package dev.eventbus;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JPA entity whose inserts, updates and deletes are published as events. The events
 * are written to the outbox in the same transaction as the change and relayed to the SNS
 * topic of the {@linkplain #value() channel} after commit.
 *
 * <pre class="code">
 * &#64;Entity
 * &#64;PublishEvents(exclude = "cardNumber")
 * class Order { ... }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublishEvents {

	/**
	 * The channel the events go to. Empty (the default) means the entity name
	 * ({@code Order} for {@code @Entity class Order}).
	 * @return the channel name
	 */
	String value() default "";

	/**
	 * The actions to publish. All by default; an empty list stops start-up.
	 * @return the published actions
	 */
	Action[] actions() default { Action.CREATED, Action.UPDATED, Action.DELETED };

	/**
	 * Attributes never written to an event (secrets, personal data), by attribute name. An
	 * update that changes only excluded attributes publishes nothing. A name that is not an
	 * attribute of the entity stops start-up, so that a typo cannot publish what it was meant
	 * to hide.
	 * @return the excluded attribute names
	 */
	String[] exclude() default {};

}
