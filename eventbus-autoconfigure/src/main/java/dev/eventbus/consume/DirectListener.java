package dev.eventbus.consume;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.eventbus.message.MalformedMessageException;
import dev.eventbus.provision.QueueRequest;

/**
 * One {@link dev.eventbus.Listener} method run on events that come without a broker (eventbus-test's
 * in-memory delivery), by the rules of its SQS container: the same {@code ListenerInvocation}
 * reads the event, binds the arguments, invokes the method and skips an event an idempotent
 * listener handled before; the same decision ({@code ListenerErrorHandler}) tells a failure that is
 * retried from one that dead-letters the event, with the same reason as the
 * {@value RegisteredListener#DEAD_LETTER_REASON_ATTRIBUTE} attribute. What brings the events, and
 * when a retry comes, is the caller's business. Outages do not pause it: a failure caused by an
 * unavailable dependency counts as any other.
 */
public final class DirectListener {

	private final ListenerEndpoint endpoint;

	private final ListenerInvocation invocation;

	private final ListenerInfo info;

	private final int maxReceiveCount;

	private final List<String> deliveredActions;

	DirectListener(ListenerEndpoint endpoint, ListenerInvocation invocation, String queueName, int maxReceiveCount) {
		this.endpoint = endpoint;
		this.invocation = invocation;
		this.info = endpoint.info(queueName);
		this.maxReceiveCount = maxReceiveCount;
		this.deliveredActions = QueueRequest.deliveredActions(endpoint.actions());
	}

	/**
	 * The listener: its id, channel, actions, method, and the name its SQS queue would have.
	 * @return the description
	 */
	public ListenerInfo info() {
		return this.info;
	}

	/**
	 * Whether an event with this {@code action} attribute gets to the listener, as its
	 * subscription's filter policy decides on SNS: one of the actions it names, or of the built-in
	 * actions when it names none.
	 * @param action the event's {@code action} message attribute, {@code null} if it has none
	 * @return whether the listener receives it
	 */
	public boolean receives(@Nullable String action) {
		return action != null && this.deliveredActions.contains(action);
	}

	/**
	 * How many deliveries an event gets ({@code eventbus.provision.max-receive-count}).
	 * @return the deliveries
	 */
	public int maxDeliveries() {
		return this.maxReceiveCount;
	}

	/**
	 * Delivers an event to the method.
	 * @param envelope the event envelope (the message body the relay sends)
	 * @param attributes the message attributes it was sent with
	 * @param delivery which delivery this is, from 1
	 * @return what happened
	 */
	public Result deliver(String envelope, Map<String, String> attributes, int delivery) {
		ListenerInvocation.Bound bound;
		try {
			bound = this.invocation.bind(envelope);
		}
		catch (MalformedMessageException ex) {
			return new Result(Status.DEAD_LETTERED, DeadLetterSender.fit(String.valueOf(ex.getMessage()),
					DeadLetterSender.MAX_REASON_BYTES), ex);
		}
		catch (RuntimeException ex) {
			// not poison, but not the method either (a failing codec bean): retried up to the last
			// delivery, then dead-lettered, as the SQS error handler does
			return failed(ex, delivery);
		}
		try {
			boolean ran = this.invocation.invoke(bound, attributes, (failure) -> decide(failure, delivery).outcome());
			return new Result(ran ? Status.HANDLED : Status.DUPLICATE_SKIPPED, null, null);
		}
		catch (RuntimeException | Error ex) {
			return failed(ex, delivery);
		}
	}

	private Result failed(Throwable ex, int delivery) {
		Throwable cause = ListenerErrorHandler.unwrap(ex);
		ListenerErrorHandler.Decision decision = decide(ex, delivery);
		if (decision == ListenerErrorHandler.Decision.RETRY) {
			return new Result(Status.RETRY, null, cause);
		}
		String reason = ListenerErrorHandler.reason(decision, cause, delivery, this.maxReceiveCount);
		return new Result(Status.DEAD_LETTERED, DeadLetterSender.fit(reason, DeadLetterSender.MAX_REASON_BYTES), cause);
	}

	private ListenerErrorHandler.Decision decide(Throwable failure, long delivery) {
		return ListenerErrorHandler.decide(ListenerErrorHandler.unwrap(failure), delivery, this.endpoint.retry(),
				this.maxReceiveCount, false);
	}

	/**
	 * What a delivery came to.
	 *
	 * @param status handled, skipped, to be retried or dead-lettered
	 * @param reason why it was dead-lettered (the text of the
	 * {@value RegisteredListener#DEAD_LETTER_REASON_ATTRIBUTE} attribute), {@code null} otherwise
	 * @param failure what the method threw, or why the event could not be read or bound;
	 * {@code null} when it was handled
	 */
	public record Result(Status status, @Nullable String reason, @Nullable Throwable failure) {
	}

	/** What a delivery came to. */
	public enum Status {

		/** The method ran and returned. */
		HANDLED,

		/** The idempotent listener had handled the event before: the method was not called. */
		DUPLICATE_SKIPPED,

		/** The method threw and the event is to be delivered again. */
		RETRY,

		/**
		 * The event is a dead letter: it cannot be read or bound (poison), the method threw a
		 * non-retryable exception, or it failed on the last delivery.
		 */
		DEAD_LETTERED

	}

}
