package dev.eventbus;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a domain event type (a record or class) for a channel: an instance published with
 * Spring's {@code ApplicationEventPublisher.publishEvent(Object)}, which is also how Spring
 * Data publishes the events an aggregate registers ({@code @DomainEvents},
 * {@code AbstractAggregateRoot.registerEvent}) when it is saved, goes through the outbox as if
 * it were published with {@link EventBus#publish(String, String, String, Object)}: with the
 * transaction of the publishing thread, or, outside one, not at all
 * ({@link NoActiveTransactionException}, thrown to the caller of {@code publishEvent}). It is
 * still delivered to the application's own {@code @EventListener}s as well.
 * <pre>{@code
 * @PublishedEvent(channel = "Invoice", action = "issued", key = "invoiceId")
 * public record InvoiceIssued(UUID invoiceId, String customer, BigDecimal total) {}
 * }</pre>
 * The payload is the object as Jackson writes it. Only plain objects are externalized: an
 * {@code ApplicationEvent} subclass is not.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface PublishedEvent {

	/**
	 * The channel, for example {@code Invoice}: the topic is
	 * {@code eventbus.publish.topic-prefix} + channel.
	 * @return the channel
	 */
	String channel();

	/**
	 * The action, an open-ended lower-case word such as {@code issued} (a lower-case letter,
	 * then lower-case letters, digits, {@code -} or {@code _}, at most 64 characters).
	 * @return the action
	 */
	String action();

	/**
	 * The property of the event whose value is its key: the envelope's {@code entityId} and the
	 * key within which events keep their order, for example {@code invoiceId}. It names a
	 * property of the payload as Jackson writes it (a record component or a getter's property),
	 * and the value must not be {@code null}. Empty (the default) means no key: the events of
	 * the channel keep their order among each other.
	 * @return the key property, or empty for none
	 */
	String key() default "";

}
