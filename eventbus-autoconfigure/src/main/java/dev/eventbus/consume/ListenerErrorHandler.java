package dev.eventbus.consume;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.awspring.cloud.sqs.listener.ListenerExecutionFailedException;
import io.awspring.cloud.sqs.listener.errorhandler.AsyncErrorHandler;
import io.awspring.cloud.sqs.listener.errorhandler.ErrorHandlerVisibilityHelper;
import io.awspring.cloud.sqs.listener.errorhandler.ExponentialBackoffErrorHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;

import dev.eventbus.observation.HandleOutcome;

/**
 * Decides what happens when a listener method throws. An exception listed as not retryable
 * sends the message to the dead-letter queue at once (and acknowledges it). Any other
 * exception leaves the message in the queue with its visibility timeout set by Spring Cloud
 * AWS's {@link ExponentialBackoffErrorHandler}: the next delivery comes after the back-off
 * delay. The failure of the last delivery ({@code max-receive-count}) sends the message to the
 * dead-letter queue with the reason and acknowledges it; if that send fails, SQS's redrive
 * policy moves it on the next receive, without a reason. {@link #decide} is the one place that
 * tells which of these a failure takes (the {@code eventbus.handle} observation's outcome uses
 * it too). A failure caused by an unavailable dependency ({@link OutageCause}) is no failure of the
 * message: it goes to the listener's {@link ListenerGate} (which pauses the listeners that need
 * the dependency), is logged at DEBUG only, and the message becomes visible again after a short
 * delay, to be received once consumption resumes.
 */
final class ListenerErrorHandler implements AsyncErrorHandler<Object> {

	private static final Log logger = LogFactory.getLog(ListenerErrorHandler.class);

	/** Spring Cloud AWS wraps a listener's exception in exceptions of this package. */
	private static final String SQS_LISTENER_PACKAGE = ListenerExecutionFailedException.class.getPackageName();

	private final String listener;

	private final RetryPolicy policy;

	private final int maxReceiveCount;

	private final DeadLetterSender deadLetters;

	private final ExponentialBackoffErrorHandler<Object> backoff;

	private final @Nullable ListenerGate gate;

	/**
	 * Creates the error handler of one listener.
	 * @param listener the listener method, for logs
	 * @param policy the listener's back-off and non-retryable exceptions
	 * @param maxReceiveCount deliveries before SQS moves a message to the dead-letter queue
	 * @param deadLetters sends to the listener's dead-letter queue
	 * @param gate the listener's gate, {@code null} to treat outage failures like any other
	 */
	ListenerErrorHandler(String listener, RetryPolicy policy, int maxReceiveCount, DeadLetterSender deadLetters,
			@Nullable ListenerGate gate) {
		this.listener = listener;
		this.gate = gate;
		this.policy = policy;
		this.maxReceiveCount = maxReceiveCount;
		this.deadLetters = deadLetters;
		this.backoff = ExponentialBackoffErrorHandler.builder()
			.initialVisibilityTimeoutSeconds(seconds(policy.initialDelay()))
			.multiplier(policy.multiplier())
			.maxVisibilityTimeoutSeconds(seconds(policy.maxDelay()))
			.build();
	}

	/** What a failure of the listener method leads to. */
	enum Decision {

		/** A poison message the dead-letter queue did not take: its move is tried on the next delivery. */
		POISON_NOT_MOVED(HandleOutcome.RETRIED),

		/** An unavailable dependency: the message comes back soon, the listener may pause. */
		OUTAGE(HandleOutcome.RETRIED),

		/** A non-retryable exception: to the dead-letter queue at once. */
		NOT_RETRYABLE(HandleOutcome.DEAD_LETTERED),

		/** Delivered again after the back-off. */
		RETRY(HandleOutcome.RETRIED),

		/** The last delivery failed: to the dead-letter queue. */
		LAST_DELIVERY(HandleOutcome.DEAD_LETTERED);

		private final HandleOutcome outcome;

		Decision(HandleOutcome outcome) {
			this.outcome = outcome;
		}

		/**
		 * The outcome of the delivery, as the {@code eventbus.handle} observation reports it.
		 * @return the outcome
		 */
		HandleOutcome outcome() {
			return this.outcome;
		}

	}

	/**
	 * Decides what a failure leads to; has no effect of its own.
	 * @param message the message whose handling failed
	 * @param t what the listener threw, wrapped or not
	 * @return the decision
	 */
	Decision decide(Message<?> message, Throwable t) {
		return decide(unwrap(t), ErrorHandlerVisibilityHelper.getReceiveMessageCount(message), this.policy,
				this.maxReceiveCount, this.gate != null);
	}

	/**
	 * Decides what a failure leads to, wherever the delivery came from.
	 * @param cause what the listener threw, unwrapped
	 * @param delivery which delivery of the message failed, from 1
	 * @param policy the listener's retry policy
	 * @param maxReceiveCount the deliveries a message gets
	 * @param outagesPause whether an outage failure pauses the listener rather than counting
	 * @return the decision
	 */
	static Decision decide(Throwable cause, long delivery, RetryPolicy policy, int maxReceiveCount,
			boolean outagesPause) {
		if (cause instanceof PoisonNotMovedException) {
			// before the last-delivery check: it is no failure of the listener, and not an outage of its dependencies
			return Decision.POISON_NOT_MOVED;
		}
		if (outagesPause && OutageCause.of(cause) != null) {
			return Decision.OUTAGE;
		}
		if (!policy.isRetryable(cause)) {
			return Decision.NOT_RETRYABLE;
		}
		return (delivery >= maxReceiveCount) ? Decision.LAST_DELIVERY : Decision.RETRY;
	}

	/**
	 * Why a failure dead-letters its message: the {@value DeadLetterSender#ERROR_ATTRIBUTE}
	 * attribute's text (before it is fitted to the message).
	 * @param decision {@link Decision#NOT_RETRYABLE} or {@link Decision#LAST_DELIVERY}
	 * @param cause what the listener threw, unwrapped
	 * @param delivery which delivery failed
	 * @param maxReceiveCount the deliveries a message gets
	 * @return the reason
	 */
	static String reason(Decision decision, Throwable cause, long delivery, int maxReceiveCount) {
		return (decision == Decision.NOT_RETRYABLE) ? "not retryable: " + cause
				: "failed " + delivery + " of " + maxReceiveCount + " deliveries: " + cause;
	}

	@Override
	public CompletableFuture<Void> handle(Message<Object> message, Throwable t) {
		Throwable cause = unwrap(t);
		long delivery = ErrorHandlerVisibilityHelper.getReceiveMessageCount(message);
		switch (decide(message, t)) {
			case POISON_NOT_MOVED -> {
				// the listener logged it already
				return this.backoff.handle(message, t);
			}
			case OUTAGE -> {
				return retrySoon(message, this.gate.failed(OutageCause.of(cause), cause), t);
			}
			case NOT_RETRYABLE -> {
				return deadLetter(message, t, cause,
						reason(Decision.NOT_RETRYABLE, cause, delivery, this.maxReceiveCount),
						DeadLetterSender.Reason.NOT_RETRYABLE, ", which is not retryable");
			}
			case LAST_DELIVERY -> {
				return deadLetter(message, t, cause,
						reason(Decision.LAST_DELIVERY, cause, delivery, this.maxReceiveCount),
						DeadLetterSender.Reason.MAX_DELIVERIES,
						" on delivery " + delivery + " of " + this.maxReceiveCount);
			}
			default -> {
				logger.warn("eventbus: @Listener " + this.listener + " failed on delivery " + delivery + " of "
						+ this.maxReceiveCount + ", will retry: " + cause, logger.isDebugEnabled() ? cause : null);
				return this.backoff.handle(message, t);
			}
		}
	}

	/**
	 * Sends the message to the dead-letter queue with the reason and acknowledges it; if the
	 * send fails, the message stays in the queue with the back-off (after the last delivery,
	 * SQS's redrive then moves it without a reason).
	 */
	private CompletableFuture<Void> deadLetter(Message<Object> message, Throwable t, Throwable cause, String reason,
			DeadLetterSender.Reason kind, String what) {
		boolean last = kind == DeadLetterSender.Reason.MAX_DELIVERIES;
		try {
			this.deadLetters.send(message, String.valueOf(message.getPayload()), reason, kind, cause);
		}
		catch (RuntimeException ex) {
			// said only after the send: the log never claims a move that failed
			String fallback = last ? "; SQS's redrive policy moves it to the dead-letter queue on the next receive"
					: "; it stays in the queue and is delivered again";
			String text = "eventbus: @Listener " + this.listener + " threw " + cause + what
					+ ", but the message could not be moved to the dead-letter queue (" + ex + ")" + fallback;
			if (last) {
				logger.error(text, cause);
			}
			else {
				logger.warn(text);
			}
			return this.backoff.handle(message, t);
		}
		String text = "eventbus: @Listener " + this.listener + " threw " + cause + what
				+ "; the message was moved to the dead-letter queue";
		if (last) {
			logger.error(text, cause);
		}
		else {
			logger.warn(text);
		}
		return CompletableFuture.completedFuture(null);
	}

	/** Puts the message back in its queue after a short delay and leaves it unacknowledged. */
	private static CompletableFuture<Void> retrySoon(Message<Object> message, Duration delay, Throwable t) {
		return ErrorHandlerVisibilityHelper.getVisibility(message)
			.changeToAsync(seconds(delay))
			// if even that fails, the message is visible again after the visibility timeout
			.handle((done, ex) -> done)
			.thenCompose((done) -> CompletableFuture.failedFuture(t));
	}

	static Throwable unwrap(Throwable t) {
		Throwable cause = t;
		while (isWrapper(cause) && cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static boolean isWrapper(Throwable t) {
		return t instanceof CompletionException || t instanceof ListenerExecutionException
				|| t.getClass().getName().startsWith(SQS_LISTENER_PACKAGE);
	}

	private static int seconds(Duration duration) {
		return (int) Math.max(1, Math.min(duration.toSeconds(), 43_200));
	}

}
