package dev.eventbus.operations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The SQS calls the operations make, each batch at most ten entries (and, for sends, at most
 * {@value #MAX_BATCH_BYTES} bytes of bodies and attributes, the SQS limit of one batch), waiting
 * for each answer: operations are rare and run on the caller's thread.
 */
final class SqsQueues {

	/** SQS accepts at most ten entries in one batch call. */
	static final int MAX_BATCH = 10;

	/** The total size SQS accepts in one {@code SendMessageBatch} call (256 KiB). */
	static final int MAX_BATCH_BYTES = 262_144;

	private final SqsAsyncClient sqs;

	SqsQueues(SqsAsyncClient sqs) {
		this.sqs = sqs;
	}

	String url(String queueName) {
		return join(this.sqs.getQueueUrl((request) -> request.queueName(queueName))).queueUrl();
	}

	/** {@code ApproximateNumberOfMessages}: the visible messages, not those received and in flight. */
	long approximateMessages(String url) {
		String value = join(this.sqs.getQueueAttributes((request) -> request.queueUrl(url)
			.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)))
			.attributes()
			.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
		return (value != null) ? Long.parseLong(value.trim()) : 0;
	}

	/**
	 * Receives up to {@code count} (at most ten) messages with all their attributes, waiting up to a
	 * second when none is there (a short poll of SQS may answer empty while messages exist).
	 */
	List<Message> receive(String url, int count, int visibilitySeconds) {
		return join(this.sqs.receiveMessage((request) -> request.queueUrl(url)
			.maxNumberOfMessages(Math.min(count, MAX_BATCH))
			.visibilityTimeout(visibilitySeconds)
			.waitTimeSeconds(1)
			.messageAttributeNames("All")
			.messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP,
					MessageSystemAttributeName.MESSAGE_GROUP_ID)))
			.messages();
	}

	/** Makes received messages visible again at once. */
	void release(String url, List<Message> messages) {
		for (List<Message> batch : chunks(messages)) {
			List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>(batch.size());
			for (int i = 0; i < batch.size(); i++) {
				entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
					.id(Integer.toString(i))
					.receiptHandle(batch.get(i).receiptHandle())
					.visibilityTimeout(0)
					.build());
			}
			join(this.sqs.changeMessageVisibilityBatch((request) -> request.queueUrl(url).entries(entries)));
		}
	}

	/**
	 * Deletes received messages.
	 * @return the errors, one line per message SQS did not delete
	 */
	List<String> delete(String url, List<Message> messages) {
		List<String> errors = new ArrayList<>();
		for (List<Message> batch : chunks(messages)) {
			List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
			for (int i = 0; i < batch.size(); i++) {
				entries.add(DeleteMessageBatchRequestEntry.builder()
					.id(Integer.toString(i))
					.receiptHandle(batch.get(i).receiptHandle())
					.build());
			}
			for (BatchResultErrorEntry error : join(
					this.sqs.deleteMessageBatch((request) -> request.queueUrl(url).entries(entries))).failed()) {
				errors.add("not deleted " + batch.get(Integer.parseInt(error.id())).messageId() + ": " + describe(error));
			}
		}
		return errors;
	}

	/**
	 * Sends messages; the entries' ids must be unique.
	 * @return the ids of the entries SQS accepted, and an error line per entry it refused
	 */
	Sent send(String url, List<SendMessageBatchRequestEntry> entries) {
		Sent sent = new Sent(new HashSet<>(), new ArrayList<>());
		List<SendMessageBatchRequestEntry> batch = new ArrayList<>(MAX_BATCH);
		int bytes = 0;
		for (SendMessageBatchRequestEntry entry : entries) {
			int size = size(entry);
			if (!batch.isEmpty() && (batch.size() == MAX_BATCH || bytes + size > MAX_BATCH_BYTES)) {
				sendBatch(url, batch, sent);
				batch = new ArrayList<>(MAX_BATCH);
				bytes = 0;
			}
			batch.add(entry);
			bytes += size;
		}
		if (!batch.isEmpty()) {
			sendBatch(url, batch, sent);
		}
		return sent;
	}

	private void sendBatch(String url, List<SendMessageBatchRequestEntry> batch, Sent sent) {
		SendMessageBatchResponse response = join(
				this.sqs.sendMessageBatch((request) -> request.queueUrl(url).entries(batch)));
		response.successful().forEach((entry) -> sent.accepted().add(entry.id()));
		response.failed().forEach((error) -> sent.errors().add("not sent " + error.id() + ": " + describe(error)));
	}

	/** The bytes SQS counts for a message: the body and each attribute's name, type and value. */
	private static int size(SendMessageBatchRequestEntry entry) {
		int size = utf8(entry.messageBody());
		for (var attribute : entry.messageAttributes().entrySet()) {
			MessageAttributeValue value = attribute.getValue();
			size += utf8(attribute.getKey()) + utf8(value.dataType())
					+ ((value.stringValue() != null) ? utf8(value.stringValue())
							: (value.binaryValue() != null) ? value.binaryValue().asByteArray().length : 0);
		}
		return size;
	}

	private static int utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	private static String describe(BatchResultErrorEntry error) {
		return error.code() + " " + error.message();
	}

	private static <T> List<List<T>> chunks(List<T> items) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < items.size(); i += MAX_BATCH) {
			chunks.add(items.subList(i, Math.min(items.size(), i + MAX_BATCH)));
		}
		return chunks;
	}

	private static <T> T join(CompletableFuture<T> call) {
		try {
			return call.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/**
	 * What a send did.
	 * @param accepted the ids of the entries SQS accepted
	 * @param errors one line per refused entry
	 */
	record Sent(Set<String> accepted, List<String> errors) {
	}

}
