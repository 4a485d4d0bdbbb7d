package dev.eventbus.transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * An {@link SnsClient} for the transport's unit tests: it records every {@code Publish} and
 * {@code PublishBatch} call, rejects the entries of chosen message bodies (a failed batch
 * entry, or an {@code InvalidParameter} error of {@code Publish}), and can be unreachable from
 * a given call on (every call throws, as when the broker cannot be reached). The emulators
 * cannot reject one entry of a batch on demand; this double can.
 */
final class RecordingSnsClient implements SnsClient {

	private final List<Call> calls = new ArrayList<>();

	private final Map<String, String> rejected = new HashMap<>();

	private int unreachableFrom = Integer.MAX_VALUE;

	/**
	 * Makes SNS reject the message with this body, in every call.
	 * @param body the message body
	 * @param code the error code
	 */
	void reject(String body, String code) {
		this.rejected.put(body, code);
	}

	/**
	 * Makes the calls from the given one on throw, as when the broker cannot be reached.
	 * @param call the first call that throws, counting from 1
	 */
	void unreachableFrom(int call) {
		this.unreachableFrom = call;
	}

	/**
	 * The calls that reached SNS, in order (the ones that threw are not among them).
	 * @return the calls
	 */
	List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/**
	 * The bodies of the messages SNS accepted, in order.
	 * @return the bodies
	 */
	List<String> accepted() {
		return this.calls.stream()
			.flatMap((call) -> call.entries().stream())
			.map(Entry::body)
			.filter((body) -> !this.rejected.containsKey(body))
			.toList();
	}

	@Override
	public PublishResponse publish(PublishRequest request) {
		reachable();
		Entry entry = new Entry(request.message(), request.messageAttributes(), request.messageGroupId(),
				request.messageDeduplicationId());
		this.calls.add(new Call("Publish", request.topicArn(), List.of(entry)));
		String code = this.rejected.get(request.message());
		if (code != null) {
			throw InvalidParameterException.builder()
				.statusCode(400)
				.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("rejected").build())
				.message("rejected")
				.build();
		}
		return PublishResponse.builder().messageId("m-" + this.calls.size()).build();
	}

	@Override
	public PublishBatchResponse publishBatch(PublishBatchRequest request) {
		reachable();
		List<Entry> entries = new ArrayList<>();
		List<PublishBatchResultEntry> successful = new ArrayList<>();
		List<BatchResultErrorEntry> failed = new ArrayList<>();
		for (PublishBatchRequestEntry entry : request.publishBatchRequestEntries()) {
			entries.add(new Entry(entry.message(), entry.messageAttributes(), entry.messageGroupId(),
					entry.messageDeduplicationId()));
			String code = this.rejected.get(entry.message());
			if (code != null) {
				failed.add(BatchResultErrorEntry.builder()
					.id(entry.id())
					.code(code)
					.message("rejected")
					.senderFault(true)
					.build());
			}
			else {
				successful.add(PublishBatchResultEntry.builder().id(entry.id()).messageId("m-" + entry.id()).build());
			}
		}
		this.calls.add(new Call("PublishBatch", request.topicArn(), List.copyOf(entries)));
		return PublishBatchResponse.builder().successful(successful).failed(failed).build();
	}

	private void reachable() {
		if (this.calls.size() + 1 >= this.unreachableFrom) {
			throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
		}
	}

	@Override
	public String serviceName() {
		return SERVICE_NAME;
	}

	@Override
	public void close() {
	}

	/**
	 * One call that reached SNS.
	 *
	 * @param api {@code Publish} or {@code PublishBatch}
	 * @param topicArn the topic
	 * @param entries the messages, in order
	 */
	record Call(String api, String topicArn, List<Entry> entries) {

		List<String> bodies() {
			return this.entries.stream().map(Entry::body).toList();
		}

	}

	/**
	 * One message of a call.
	 *
	 * @param body the body
	 * @param attributes the message attributes
	 * @param groupId the message group id, if any
	 * @param deduplicationId the deduplication id, if any
	 */
	record Entry(String body, Map<String, MessageAttributeValue> attributes, @Nullable String groupId,
			@Nullable String deduplicationId) {
	}

}
