package dev.eventbus.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import software.amazon.awssdk.services.sqs.SqsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MotoServer} that start the real moto server (skipped where {@code moto_server} is not on the
 * {@code PATH}; {@code .ci/run} requires it).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
class MotoServerTests {

	@Test
	void startedServerAnswersOnLoopbackAndStopsByItsPid() {
		MotoServer server = MotoServer.start();
		try {
			assertThat(server.isRunning()).isTrue();
			assertThat(server.endpoint()).isEqualTo("http://127.0.0.1:" + server.port());
			assertThat(server.springProperties()).containsEntry("spring.cloud.aws.endpoint", server.endpoint());
			try (SqsClient sqs = AwsTestClients.sqs(server)) {
				String url = sqs.createQueue((request) -> request.queueName("moto-test-queue")).queueUrl();
				assertThat(sqs.listQueues().queueUrls()).contains(url);
			}
		}
		finally {
			server.stop();
		}
		assertThat(server.isRunning()).isFalse();
	}

	@Test
	void sharedIsStartedOnce() {
		assertThat(MotoServer.shared()).isSameAs(MotoServer.shared());
		assertThat(MotoServer.shared().isRunning()).isTrue();
	}

}
