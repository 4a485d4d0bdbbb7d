package dev.eventbus.provision;

import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * An SQS client without queues: every queue URL lookup fails as SQS does for a missing queue;
 * every other call is unsupported.
 */
final class FakeSqs implements SqsAsyncClient {

	@Override
	public CompletableFuture<GetQueueUrlResponse> getQueueUrl(GetQueueUrlRequest request) {
		return CompletableFuture.failedFuture(QueueDoesNotExistException.builder().message("no queue").build());
	}

	@Override
	public String serviceName() {
		return SERVICE_NAME;
	}

	@Override
	public void close() {
	}

}
