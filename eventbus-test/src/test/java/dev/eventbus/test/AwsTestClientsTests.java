package dev.eventbus.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link AwsTestClients}, {@link Queues} and {@link Topics} against the shared fauxqs emulator.
 */
class AwsTestClientsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void queueDepthCountsWaitingAndInFlightMessagesUntilTheyAreDeleted() {
		try (SqsAsyncClient sqs = AwsTestClients.sqsAsync(FauxqsEmulator.shared())) {
			sqs.createQueue((request) -> request.queueName("helpers-depth")).join();
			String url = Queues.url(sqs, "helpers-depth");
			assertThat(Queues.depth(sqs, url)).isZero();
			sqs.sendMessage((request) -> request.queueUrl(url).messageBody("one")).join();
			sqs.sendMessage((request) -> request.queueUrl(url).messageBody("two")).join();
			await().atMost(TIMEOUT).until(() -> Queues.depth(sqs, url) == 2);

			var received = sqs
				.receiveMessage((request) -> request.queueUrl(url).maxNumberOfMessages(1).visibilityTimeout(60))
				.join()
				.messages();

			assertThat(received).hasSize(1);
			assertThat(Queues.depth(sqs, url)).as("one waiting, one in flight").isEqualTo(2);
			sqs.deleteMessage((request) -> request.queueUrl(url).receiptHandle(received.get(0).receiptHandle()))
				.join();
			await().atMost(TIMEOUT).until(() -> Queues.depth(sqs, url) == 1);
		}
	}

	@Test
	void topicArnIsFoundByItsWholeName() {
		try (SnsClient sns = AwsTestClients.sns(FauxqsEmulator.shared())) {
			String arn = sns.createTopic((request) -> request.name("helpers-Order")).topicArn();
			sns.createTopic((request) -> request.name("other-helpers-Order"));

			assertThat(Topics.arn(sns, "helpers-Order")).isEqualTo(arn);
			assertThatIllegalStateException().isThrownBy(() -> Topics.arn(sns, "helpers-Missing"))
				.withMessageContaining("helpers-Missing");
		}
	}

	@Test
	void endpointOfAUrlTakesTheEmulatorsRegionAndCredentials() {
		FauxqsEmulator emulator = FauxqsEmulator.shared();
		SnsSqsEndpoint endpoint = SnsSqsEndpoint.of(emulator.endpoint());

		assertThat(endpoint.springProperties()).containsEntry("spring.cloud.aws.endpoint", emulator.endpoint())
			.containsEntry("spring.cloud.aws.region.static", "us-east-1")
			.containsEntry("spring.cloud.aws.credentials.access-key", "test");
		try (SqsAsyncClient sqs = AwsTestClients.sqsAsync(endpoint)) {
			assertThat(sqs.listQueues().join().queueUrls()).isNotNull();
		}
	}

}
