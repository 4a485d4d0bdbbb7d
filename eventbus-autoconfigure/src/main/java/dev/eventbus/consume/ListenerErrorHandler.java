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

/**
 * Decides what happens when a listener method throws. An exception listed as not retryable
 * sends the message to the dead-letter queue at once (and acknowledges it). Any other
 * exception leaves the message in the queue with its visibility timeout set by Spring Cloud
 * AWS's {@link ExponentialBackoffErrorHandler}: the next delivery comes after the back-off
 * delay, and after {@code max-receive-count} deliveries SQS moves it to the dead-letter queue.
 * A failure caused by an unavailable dependency ({@link OutageCause}) is no failure of the
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

	@Override
	public CompletableFuture<Void> handle(Message<Object> message, Throwable t) {
		Throwable cause = unwrap(t);
		OutageCause outage = (this.gate != null) ? OutageCause.of(cause) : null;
		if (this.gate != null && outage != null) {
			return retrySoon(message, this.gate.failed(outage, cause), t);
		}
		if (!this.policy.isRetryable(cause)) {
			try {
				this.deadLetters.send(String.valueOf(message.getPayload()), "not retryable: " + cause);
			}
			catch (RuntimeException ex) {
				// said only after the send: the log never claims a move that failed
				logger.warn("eventbus: @Listener " + this.listener + " threw " + cause
						+ ", which is not retryable, but the message could not be moved to the dead-letter queue ("
						+ ex + "); it stays in the queue and is delivered again");
				return this.backoff.handle(message, t);
			}
			logger.warn("eventbus: @Listener " + this.listener + " threw " + cause
					+ ", which is not retryable; the message was moved to the dead-letter queue");
			return CompletableFuture.completedFuture(null);
		}
		long delivery = ErrorHandlerVisibilityHelper.getReceiveMessageCount(message);
		if (delivery >= this.maxReceiveCount) {
			logger.error("eventbus: @Listener " + this.listener + " failed on delivery " + delivery + " of "
					+ this.maxReceiveCount + "; the message goes to the dead-letter queue", cause);
		}
		else {
			logger.warn("eventbus: @Listener " + this.listener + " failed on delivery " + delivery + " of "
					+ this.maxReceiveCount + ", will retry: " + cause, logger.isDebugEnabled() ? cause : null);
		}
		return this.backoff.handle(message, t);
	}

	/** Puts the message back in its queue after a short delay and leaves it unacknowledged. */
	private static CompletableFuture<Void> retrySoon(Message<Object> message, Duration delay, Throwable t) {
		return ErrorHandlerVisibilityHelper.getVisibility(message)
			.changeToAsync(seconds(delay))
			// if even that fails, the message is visible again after the visibility timeout
			.handle((done, ex) -> done)
			.thenCompose((done) -> CompletableFuture.failedFuture(t));
	}

	private static Throwable unwrap(Throwable t) {
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
