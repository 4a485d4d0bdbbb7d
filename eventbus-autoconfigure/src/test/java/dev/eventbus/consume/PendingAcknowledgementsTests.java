package dev.eventbus.consume;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.acknowledgement.AsyncAcknowledgementResultCallback;
import io.awspring.cloud.sqs.listener.errorhandler.AsyncErrorHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a stopping container leaves behind is deleted, and only that: messages whose deletion
 * the container confirmed (or whose deletion SQS refused) are not deleted again.
 */
class PendingAcknowledgementsTests {

	private final RecordingSqs sqs = new RecordingSqs();

	@Test
	void handledMessagesWhoseDeletionWasNeverConfirmedAreDeletedInBatchesOfTenPerQueue() {
		PendingAcknowledgements pending = new PendingAcknowledgements(this.sqs, "audit", null);
		for (int i = 0; i < 12; i++) {
			pending.handled(message("http://sqs/orders", "receipt-" + i));
		}
		pending.handled(message("http://sqs/other", "receipt-other"));

		assertThat(pending.deleteLeftBehind()).isEqualTo(13);

		assertThat(this.sqs.calls).extracting(DeleteMessageBatchRequest::queueUrl)
			.containsExactlyInAnyOrder("http://sqs/orders", "http://sqs/orders", "http://sqs/other");
		assertThat(this.sqs.calls).allSatisfy((call) -> assertThat(call.entries()).hasSizeLessThanOrEqualTo(10));
		assertThat(this.sqs.receiptHandles()).hasSize(13).doesNotHaveDuplicates();
		assertThat(pending.deleteLeftBehind()).as("nothing is left the second time").isZero();
		assertThat(this.sqs.calls).hasSize(3);
	}

	@Test
	void messagesTheContainerDeletedOrFailedToDeleteAreNotDeletedAgain() {
		PendingAcknowledgements pending = new PendingAcknowledgements(this.sqs, "audit", null);
		Message<Object> deleted = message("http://sqs/orders", "deleted");
		Message<Object> refused = message("http://sqs/orders", "refused");
		Message<Object> left = message("http://sqs/orders", "left");
		List.of(deleted, refused, left).forEach(pending::handled);

		pending.onSuccess(List.of(deleted)).join();
		pending.onFailure(List.of(refused), new IllegalStateException("refused")).join();

		assertThat(pending.deleteLeftBehind()).isEqualTo(1);
		assertThat(this.sqs.receiptHandles()).containsExactly("left");
	}

	@Test
	void theCallbackTheContainerHadIsStillCalled() {
		List<String> seen = new CopyOnWriteArrayList<>();
		AsyncAcknowledgementResultCallback<Object> own = new AsyncAcknowledgementResultCallback<>() {

			@Override
			public CompletableFuture<Void> onSuccess(Collection<Message<Object>> messages) {
				seen.add("success " + messages.size());
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public CompletableFuture<Void> onFailure(Collection<Message<Object>> messages, Throwable failure) {
				seen.add("failure " + failure.getMessage());
				return CompletableFuture.completedFuture(null);
			}

		};
		PendingAcknowledgements pending = new PendingAcknowledgements(this.sqs, "audit", own);

		pending.onSuccess(List.of(message("http://sqs/orders", "a"), message("http://sqs/orders", "b"))).join();
		pending.onFailure(List.of(message("http://sqs/orders", "c")), new IllegalStateException("gone")).join();

		assertThat(seen).containsExactly("success 2", "failure gone");
	}

	@Test
	void aDeletionSqsRefusesAtShutdownIsNotCounted() {
		this.sqs.refuse = "refused";
		PendingAcknowledgements pending = new PendingAcknowledgements(this.sqs, "audit", null);
		pending.handled(message("http://sqs/orders", "refused"));
		pending.handled(message("http://sqs/orders", "fine"));

		assertThat(pending.deleteLeftBehind()).isEqualTo(1);
		assertThat(this.sqs.calls).hasSize(1);
		assertThat(pending.deleteLeftBehind()).as("a refused receipt handle is not tried again").isZero();
		assertThat(this.sqs.calls).hasSize(1);
	}

	@Test
	void theAcknowledgementOfAnEarlierDeliveryDoesNotForgetALaterOneOfTheSameMessage() {
		PendingAcknowledgements pending = new PendingAcknowledgements(this.sqs, "audit", null);
		UUID messageId = UUID.randomUUID();
		Message<Object> first = message(messageId, "http://sqs/orders", "first-receipt");
		Message<Object> again = message(messageId, "http://sqs/orders", "second-receipt");
		pending.handled(first);
		pending.handled(again);

		pending.onSuccess(List.of(first)).join();

		assertThat(pending.deleteLeftBehind()).isEqualTo(1);
		assertThat(this.sqs.receiptHandles()).containsExactly("second-receipt");
	}

	/** Second read of the observation change, finding 7: a dead-lettered message is acknowledged too. */
	@Test
	void aMessageTheErrorHandlerRecoveredIsTrackedOneItLeftForRedeliveryIsNot() {
		PendingAcknowledgements pending = new PendingAcknowledgements(this.sqs, "audit", null);
		Message<Object> recovered = message("http://sqs/orders", "recovered");
		Message<Object> retried = message("http://sqs/orders", "retried");
		AsyncErrorHandler<Object> errors = new AsyncErrorHandler<>() {

			@Override
			public CompletableFuture<Void> handle(Message<Object> message, Throwable t) {
				return (message == recovered) ? CompletableFuture.completedFuture(null)
						: CompletableFuture.failedFuture(t);
			}

		};
		AsyncErrorHandler<Object> noting = pending.noting(errors);

		noting.handle(recovered, new IllegalStateException("last delivery")).join();
		assertThat(noting.handle(retried, new IllegalStateException("retry"))).isCompletedExceptionally();

		assertThat(pending.deleteLeftBehind()).isEqualTo(1);
		assertThat(this.sqs.receiptHandles()).containsExactly("recovered");
	}

	@Test
	void aMessageWithoutQueueOrReceiptHandleIsNotTracked() {
		PendingAcknowledgements pending = new PendingAcknowledgements(this.sqs, "audit", null);
		pending.handled(MessageBuilder.withPayload((Object) "{}").build());

		assertThat(pending.deleteLeftBehind()).isZero();
		assertThat(this.sqs.calls).isEmpty();
	}

	private static Message<Object> message(String queueUrl, String receiptHandle) {
		return message(UUID.randomUUID(), queueUrl, receiptHandle);
	}

	/** A message as Spring Cloud AWS makes it: the SQS message id is the {@code id} header. */
	private static Message<Object> message(UUID messageId, String queueUrl, String receiptHandle) {
		Map<String, Object> headers = Map.of(SqsHeaders.SQS_QUEUE_URL_HEADER, queueUrl,
				SqsHeaders.SQS_RECEIPT_HANDLE_HEADER, receiptHandle);
		return new GenericMessage<>("{}", new MessageHeaders(headers, messageId, null) {
		});
	}

	/** Deletes everything but the receipt handle {@link #refuse}, and records each call. */
	static final class RecordingSqs implements SqsAsyncClient {

		final List<DeleteMessageBatchRequest> calls = new CopyOnWriteArrayList<>();

		volatile String refuse = "";

		@Override
		public CompletableFuture<DeleteMessageBatchResponse> deleteMessageBatch(
				Consumer<DeleteMessageBatchRequest.Builder> request) {
			DeleteMessageBatchRequest.Builder builder = DeleteMessageBatchRequest.builder();
			request.accept(builder);
			DeleteMessageBatchRequest call = builder.build();
			this.calls.add(call);
			List<DeleteMessageBatchResultEntry> successful = new ArrayList<>();
			List<BatchResultErrorEntry> failed = new ArrayList<>();
			for (DeleteMessageBatchRequestEntry entry : call.entries()) {
				if (entry.receiptHandle().equals(this.refuse)) {
					failed.add(BatchResultErrorEntry.builder()
						.id(entry.id())
						.code("ReceiptHandleIsInvalid")
						.message("no")
						.senderFault(true)
						.build());
				}
				else {
					successful.add(DeleteMessageBatchResultEntry.builder().id(entry.id()).build());
				}
			}
			return CompletableFuture
				.completedFuture(DeleteMessageBatchResponse.builder().successful(successful).failed(failed).build());
		}

		List<String> receiptHandles() {
			return this.calls.stream()
				.flatMap((call) -> call.entries().stream())
				.map(DeleteMessageBatchRequestEntry::receiptHandle)
				.toList();
		}

		@Override
		public String serviceName() {
			return "sqs";
		}

		@Override
		public void close() {
		}

	}

}
