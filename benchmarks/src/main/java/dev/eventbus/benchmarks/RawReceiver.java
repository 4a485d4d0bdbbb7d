package dev.eventbus.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The raw SDK receive loop of the baselines: {@code ReceiveMessage} (10 messages, long poll of
 * one second) and {@code DeleteMessageBatch} of what it received, on one thread.
 */
final class RawReceiver {

	/** Told of every message as it is received. */
	@FunctionalInterface
	interface Handler {

		/**
		 * Handles a received message.
		 * @param message the message
		 * @param receivedNanos {@link System#nanoTime()} when the receive call returned
		 */
		void received(Message message, long receivedNanos);

	}

	private RawReceiver() {
	}

	/**
	 * Receives and deletes until {@code running} turns false (checked after each poll).
	 * @param sqs the client
	 * @param queueUrl the queue
	 * @param running whether to poll again
	 * @param handler told of each message before its batch is deleted
	 */
	static void loop(SqsAsyncClient sqs, String queueUrl, BooleanSupplier running, Handler handler) {
		while (running.getAsBoolean()) {
			List<Message> messages = sqs
				.receiveMessage((request) -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
				.join()
				.messages();
			long now = System.nanoTime();
			if (messages.isEmpty()) {
				continue;
			}
			List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
			for (int i = 0; i < messages.size(); i++) {
				handler.received(messages.get(i), now);
				entries.add(DeleteMessageBatchRequestEntry.builder()
					.id(Integer.toString(i))
					.receiptHandle(messages.get(i).receiptHandle())
					.build());
			}
			sqs.deleteMessageBatch((request) -> request.queueUrl(queueUrl).entries(entries)).join();
		}
	}

}
