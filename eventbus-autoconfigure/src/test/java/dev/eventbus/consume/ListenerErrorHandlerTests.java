package dev.eventbus.consume;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.Visibility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ListenerErrorHandler}: what happens to a message whose listener threw, with
 * an SQS client double standing in for the dead-letter queue and a recording visibility for
 * the message.
 */
@ExtendWith(OutputCaptureExtension.class)
class ListenerErrorHandlerTests {

	private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5),
			List.of(IllegalArgumentException.class));

	private static final int MAX_RECEIVE_COUNT = 5;

	private final DeadLetterQueue sqs = new DeadLetterQueue();

	private final ConsumptionBreakers breakers = new ConsumptionBreakers(
			new ConsumptionBreakers.Settings(Duration.ofSeconds(3), Duration.ofSeconds(30)),
			new EnumMap<>(Map.of(OutageCause.AWS, () -> false)), (event) -> {
			});

	@AfterEach
	void close() {
		this.breakers.close();
	}

	@Test
	void retryableFailureStaysInTheQueueInvisibleForTheBackOffDelay() {
		ListenerErrorHandler handler = handler(null);
		// the fifth and last delivery goes to the dead-letter queue (see below)
		assertThat(List.of(1, 2, 3, 4)).map((delivery) -> {
			RecordingVisibility visibility = new RecordingVisibility();
			CompletableFuture<Void> result = handler.handle(message(delivery, visibility),
					new IllegalStateException("boom"));
			assertThat(result).isCompletedExceptionally();
			return visibility.seconds;
		}).containsExactly(List.of(1), List.of(2), List.of(4), List.of(5));
		assertThat(this.sqs.sent).isEmpty();
	}

	@Test
	void retryableFailureIsRetriedUntilTheLastDeliveryWhichEventbusMovesToTheDeadLetterQueueWithTheReason(
			CapturedOutput output) {
		ListenerErrorHandler handler = handler(null);
		CompletableFuture<Void> retried = handler.handle(message(MAX_RECEIVE_COUNT - 1, new RecordingVisibility()),
				new IllegalStateException("boom"));
		assertThat(retried).isCompletedExceptionally();
		assertThat(output).contains("failed on delivery 4 of 5, will retry: java.lang.IllegalStateException: boom")
			.doesNotContain("dead-letter queue");
		assertThat(this.sqs.sent).isEmpty();
		RecordingVisibility visibility = new RecordingVisibility();
		CompletableFuture<Void> last = handler.handle(message(MAX_RECEIVE_COUNT, visibility),
				new IllegalStateException("boom"));
		assertThat(last).as("acknowledged").isCompleted().isNotCompletedExceptionally();
		assertThat(visibility.seconds).isEmpty();
		assertThat(this.sqs.sent).singleElement()
			.satisfies((request) -> assertThat(
					request.messageAttributes().get(DeadLetterSender.ERROR_ATTRIBUTE).stringValue())
				.isEqualTo("failed 5 of 5 deliveries: java.lang.IllegalStateException: boom"));
		assertThat(output).contains("on delivery 5 of 5; the message was moved to the dead-letter queue");
	}

	@Test
	void lastDeliveryThatCannotBeDeadLetteredIsLeftToTheRedrivePolicy(CapturedOutput output) {
		this.sqs.failSends = true;
		RecordingVisibility visibility = new RecordingVisibility();
		CompletableFuture<Void> result = handler(null).handle(message(MAX_RECEIVE_COUNT, visibility),
				new IllegalStateException("boom"));
		assertThat(result).isCompletedExceptionally();
		assertThat(visibility.seconds).containsExactly(5);
		assertThat(output).contains("could not be moved to the dead-letter queue")
			.contains("SQS's redrive policy moves it to the dead-letter queue on the next receive")
			.doesNotContain("the message was moved");
	}

	@Test
	void decisionNamesTheOutcomeTheHandlerActsOn() {
		ListenerGate gate = new ListenerGate("listener", this.breakers, false);
		ListenerErrorHandler handler = handler(gate);
		assertThat(handler.decide(message(1, new RecordingVisibility()), new IllegalStateException("boom")))
			.isEqualTo(ListenerErrorHandler.Decision.RETRY);
		assertThat(handler.decide(message(MAX_RECEIVE_COUNT, new RecordingVisibility()),
				new CompletionException(new IllegalStateException("boom"))))
			.isEqualTo(ListenerErrorHandler.Decision.LAST_DELIVERY);
		assertThat(handler.decide(message(1, new RecordingVisibility()), new IllegalArgumentException("bad")))
			.isEqualTo(ListenerErrorHandler.Decision.NOT_RETRYABLE);
		assertThat(handler.decide(message(MAX_RECEIVE_COUNT, new RecordingVisibility()),
				SdkClientException.create("unreachable")))
			.isEqualTo(ListenerErrorHandler.Decision.OUTAGE);
		assertThat(this.breakers.breaker(OutageCause.AWS).state()).as("deciding has no effect")
			.isEqualTo(ConsumptionBreaker.State.CLOSED);
		assertThat(this.sqs.sent).isEmpty();
	}

	@Test
	void nonRetryableExceptionOrSubclassGoesToTheDeadLetterQueueAtOnceAndIsAcknowledged(CapturedOutput output) {
		ListenerErrorHandler handler = handler(null);
		RecordingVisibility visibility = new RecordingVisibility();
		CompletableFuture<Void> result = handler.handle(message(1, visibility),
				new CompletionException(new ListenerExecutionException("listener",
						new NumberFormatException("not a number"))));
		assertThat(result).isCompleted().isNotCompletedExceptionally();
		assertThat(this.sqs.sent).singleElement().satisfies((request) -> {
			assertThat(request.queueUrl()).isEqualTo("http://sqs/orders-dlq");
			assertThat(request.messageBody()).isEqualTo("{\"body\":1}");
			assertThat(request.messageAttributes().get(DeadLetterSender.ERROR_ATTRIBUTE).stringValue())
				.isEqualTo("not retryable: java.lang.NumberFormatException: not a number");
		});
		assertThat(visibility.seconds).isEmpty();
		assertThat(output).contains("which is not retryable; the message was moved to the dead-letter queue");
	}

	@Test
	void nonRetryableExceptionThatCannotBeDeadLetteredStaysInTheQueueWithTheBackOff(CapturedOutput output) {
		this.sqs.failSends = true;
		RecordingVisibility visibility = new RecordingVisibility();
		CompletableFuture<Void> result = handler(null).handle(message(2, visibility),
				new IllegalArgumentException("bad"));
		assertThat(result).isCompletedExceptionally();
		assertThat(visibility.seconds).containsExactly(2);
		assertThat(output).contains("could not be moved to the dead-letter queue")
			.doesNotContain("the message was moved");
	}

	@Test
	void outageFailureWithAGateIsRetriedSoonWithoutCountingOrDeadLettering(CapturedOutput output) {
		ListenerGate gate = new ListenerGate("listener", this.breakers, false);
		RecordingVisibility visibility = new RecordingVisibility();
		CompletableFuture<Void> result = handler(gate).handle(message(MAX_RECEIVE_COUNT, visibility),
				SdkClientException.create("unreachable"));
		assertThat(result).isCompletedExceptionally();
		assertThat(visibility.seconds).containsExactly(3);
		assertThat(this.breakers.breaker(OutageCause.AWS).state()).isEqualTo(ConsumptionBreaker.State.OPEN);
		assertThat(output).doesNotContain("failed on delivery");
		assertThat(this.sqs.sent).isEmpty();
	}

	@Test
	void outageFailureWithoutAGateIsRetriedLikeAnyOther() {
		RecordingVisibility visibility = new RecordingVisibility();
		CompletableFuture<Void> result = handler(null).handle(message(3, visibility),
				SdkClientException.create("unreachable"));
		assertThat(result).isCompletedExceptionally();
		assertThat(visibility.seconds).containsExactly(4);
	}

	private ListenerErrorHandler handler(@Nullable ListenerGate gate) {
		return new ListenerErrorHandler("Orders.on(OrderView)", POLICY, MAX_RECEIVE_COUNT,
				new DeadLetterSender(this.sqs, "orders-dlq"), gate);
	}

	private static Message<Object> message(int delivery, Visibility visibility) {
		return MessageBuilder.<Object>withPayload("{\"body\":1}")
			.setHeader(SqsHeaders.SQS_VISIBILITY_TIMEOUT_HEADER, visibility)
			.setHeader(SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_RECEIVE_COUNT, String.valueOf(delivery))
			.build();
	}

	/** The visibility timeouts set on one message, in seconds. */
	static final class RecordingVisibility implements Visibility {

		final List<Integer> seconds = new CopyOnWriteArrayList<>();

		@Override
		public CompletableFuture<Void> changeToAsync(int seconds) {
			this.seconds.add(seconds);
			return CompletableFuture.completedFuture(null);
		}

	}

	/** A dead-letter queue {@code orders-dlq} that records what is sent to it, or refuses it. */
	static final class DeadLetterQueue implements SqsAsyncClient {

		final List<SendMessageRequest> sent = new CopyOnWriteArrayList<>();

		volatile boolean failSends;

		@Override
		public CompletableFuture<GetQueueUrlResponse> getQueueUrl(GetQueueUrlRequest request) {
			return CompletableFuture
				.completedFuture(GetQueueUrlResponse.builder().queueUrl("http://sqs/" + request.queueName()).build());
		}

		@Override
		public CompletableFuture<GetQueueAttributesResponse> getQueueAttributes(GetQueueAttributesRequest request) {
			return CompletableFuture.completedFuture(GetQueueAttributesResponse.builder()
				.attributes(Map.of(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "262144"))
				.build());
		}

		@Override
		public CompletableFuture<SendMessageResponse> sendMessage(SendMessageRequest request) {
			if (this.failSends) {
				return CompletableFuture.failedFuture(SdkClientException.create("dead-letter queue unreachable"));
			}
			this.sent.add(request);
			return CompletableFuture.completedFuture(SendMessageResponse.builder().messageId("m-1").build());
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
