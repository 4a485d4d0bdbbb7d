package dev.eventbus.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.acknowledgement.AsyncAcknowledgementResultCallback;
import io.awspring.cloud.sqs.listener.errorhandler.AsyncErrorHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;

import org.springframework.messaging.Message;

/**
 * The messages of one listener that were handled but whose deletion Spring Cloud AWS has not
 * confirmed yet, and, once its container has stopped, the deletion of those it left behind.
 * <p>
 * Spring Cloud AWS batches the deletions of a standard queue (10 at a time, or every second).
 * In 4.1.0 a batch can be dropped when the container stops: an acknowledgement below the
 * threshold, or one not yet in the batch buffer, is never sent (awspring/spring-cloud-aws#1661,
 * #1664), and the handled message comes back after the restart. Acknowledging each message at
 * once avoids that but halves the listener's throughput, so eventbus keeps the batches and sends
 * what is left itself: this class learns of each handled message from the listener and of each
 * sent deletion from the container's acknowledgement result callback (which it also forwards to
 * the callback the container had).
 */
final class PendingAcknowledgements implements AsyncAcknowledgementResultCallback<Object> {

	private static final Log logger = LogFactory.getLog(PendingAcknowledgements.class);

	/** SQS deletes at most ten messages in one {@code DeleteMessageBatch} call. */
	private static final int MAX_BATCH = 10;

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	private final SqsAsyncClient sqs;

	private final String listener;

	private final @Nullable AsyncAcknowledgementResultCallback<Object> delegate;

	private final Map<Object, Handled> handled = new ConcurrentHashMap<>();

	private volatile boolean warnedMissingHeaders;

	/**
	 * Creates the tracker of one listener.
	 * @param sqs the SQS client
	 * @param listener the listener, as named in log messages
	 * @param delegate the acknowledgement result callback the container had, if any
	 */
	PendingAcknowledgements(SqsAsyncClient sqs, String listener,
			@Nullable AsyncAcknowledgementResultCallback<Object> delegate) {
		this.sqs = sqs;
		this.listener = listener;
		this.delegate = delegate;
	}

	/**
	 * Notes a message whose listener returned normally, so that the container will delete it.
	 * @param message the message
	 */
	void handled(Message<?> message) {
		Object queueUrl = message.getHeaders().get(SqsHeaders.SQS_QUEUE_URL_HEADER);
		String receiptHandle = receiptHandle(message);
		if (queueUrl != null && receiptHandle != null) {
			this.handled.put(key(message), new Handled(queueUrl.toString(), receiptHandle));
		}
		else if (!this.warnedMissingHeaders) {
			this.warnedMissingHeaders = true;
			logger.warn("eventbus: messages of @Listener " + this.listener + " carry no " + SqsHeaders.SQS_QUEUE_URL_HEADER
					+ " or " + SqsHeaders.SQS_RECEIPT_HANDLE_HEADER + " header (a custom message converter?), so "
					+ "eventbus cannot send the deletions a stopping container leaves behind");
		}
	}

	/**
	 * The error handler of the container, which notes the messages it recovered as handled:
	 * a message it dead-lettered (last delivery, not retryable) completes normally and is
	 * acknowledged like one the listener returned from, so a stopping container may drop its
	 * deletion too.
	 * @param errors the listener's error handler
	 * @return the error handler to set on the container
	 */
	AsyncErrorHandler<Object> noting(AsyncErrorHandler<Object> errors) {
		return new AsyncErrorHandler<>() {

			@Override
			public CompletableFuture<Void> handle(Message<Object> message, Throwable t) {
				// completed normally: recovered, and the container acknowledges it
				return errors.handle(message, t).thenRun(() -> handled(message));
			}

		};
	}

	@Override
	public CompletableFuture<Void> onSuccess(Collection<Message<Object>> messages) {
		messages.forEach(this::done);
		return (this.delegate != null) ? this.delegate.onSuccess(messages) : CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<Void> onFailure(Collection<Message<Object>> messages, Throwable failure) {
		// a deletion SQS refused: the message comes back after its visibility timeout, as it would
		messages.forEach(this::done);
		return (this.delegate != null) ? this.delegate.onFailure(messages, failure)
				: CompletableFuture.completedFuture(null);
	}

	/**
	 * Forgets a message the container has acknowledged; a redelivery of it (same message id,
	 * another receipt handle) handled since stays.
	 */
	private void done(Message<?> message) {
		String receiptHandle = receiptHandle(message);
		this.handled.computeIfPresent(key(message),
				(key, handled) -> (receiptHandle == null || handled.receiptHandle().equals(receiptHandle)) ? null
						: handled);
	}

	/**
	 * Deletes the handled messages whose deletion the stopped container did not send.
	 * @return how many messages SQS deleted
	 */
	int deleteLeftBehind() {
		Map<String, List<Map.Entry<Object, Handled>>> byQueue = new LinkedHashMap<>();
		this.handled.entrySet()
			.forEach((entry) -> byQueue.computeIfAbsent(entry.getValue().queueUrl(), (url) -> new ArrayList<>())
				.add(entry));
		int deleted = 0;
		for (Map.Entry<String, List<Map.Entry<Object, Handled>>> queue : byQueue.entrySet()) {
			List<Map.Entry<Object, Handled>> left = queue.getValue();
			for (int from = 0; from < left.size(); from += MAX_BATCH) {
				deleted += delete(queue.getKey(), left.subList(from, Math.min(from + MAX_BATCH, left.size())));
			}
		}
		// what SQS refused or did not answer comes back after its visibility timeout; a later
		// start of the container must not try those receipt handles again
		this.handled.clear();
		if (deleted > 0) {
			logger.info("eventbus: deleted " + deleted + " handled message(s) of @Listener " + this.listener
					+ " whose acknowledgement the stopped container had not sent");
		}
		return deleted;
	}

	private int delete(String queueUrl, List<Map.Entry<Object, Handled>> batch) {
		List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			entries.add(DeleteMessageBatchRequestEntry.builder()
				.id(Integer.toString(i))
				.receiptHandle(batch.get(i).getValue().receiptHandle())
				.build());
		}
		try {
			DeleteMessageBatchResponse response = this.sqs
				.deleteMessageBatch((request) -> request.queueUrl(queueUrl).entries(entries))
				.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			response.successful()
				.forEach((entry) -> this.handled.remove(batch.get(Integer.parseInt(entry.id())).getKey()));
			// a deletion the container sent late as well does no harm: SQS deletes a message once
			response.failed()
				.forEach((entry) -> logger.warn("eventbus: could not delete a handled message of @Listener "
						+ this.listener + " at shutdown (" + entry.code() + ": " + entry.message()
						+ "); unless the container deleted it already, it is delivered again"));
			return response.successful().size();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.warn("eventbus: interrupted while deleting " + batch.size() + " handled message(s) of @Listener "
					+ this.listener + " at shutdown; unless they were deleted, they are delivered again");
			return 0;
		}
		catch (Exception ex) {
			logger.warn("eventbus: could not delete " + batch.size() + " handled message(s) of @Listener "
					+ this.listener + " at shutdown; they are delivered again: " + ex);
			return 0;
		}
	}

	private static @Nullable String receiptHandle(Message<?> message) {
		Object receiptHandle = message.getHeaders().get(SqsHeaders.SQS_RECEIPT_HANDLE_HEADER);
		return (receiptHandle != null) ? receiptHandle.toString() : null;
	}

	private static Object key(Message<?> message) {
		Object id = message.getHeaders().getId();
		return (id != null) ? id : message;
	}

	private record Handled(String queueUrl, String receiptHandle) {
	}

}
