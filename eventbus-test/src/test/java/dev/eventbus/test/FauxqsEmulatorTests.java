package dev.eventbus.test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link FauxqsEmulator} that start the real emulator.
 */
class FauxqsEmulatorTests {

	@Test
	void sharedIsStartedOnce() {
		FauxqsEmulator emulator = FauxqsEmulator.shared();

		assertThat(FauxqsEmulator.shared()).isSameAs(emulator);
		assertThat(emulator.isRunning()).isTrue();
	}

	@Test
	void sharedAnswersHealthCheck() throws Exception {
		FauxqsEmulator emulator = FauxqsEmulator.shared();
		assumeFalse(emulator.isExternal(), "only fauxqs started by the tests has /health");

		assertThat(emulator.endpoint()).isEqualTo("http://127.0.0.1:" + emulator.port());
		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"ok\"");
	}

	@Test
	void createsTopicAndQueue() {
		FauxqsEmulator emulator = FauxqsEmulator.shared();
		try (SnsClient sns = AwsTestClients.sns(emulator); SqsClient sqs = AwsTestClients.sqs(emulator)) {
			String topicArn = sns.createTopic((request) -> request.name("fauxqs-test-topic")).topicArn();
			String queueUrl = sqs.createQueue((request) -> request.queueName("fauxqs-test-queue")).queueUrl();

			assertThat(topicArn).endsWith(":fauxqs-test-topic");
			assertThat(sns.listTopics().topics()).anySatisfy((topic) -> assertThat(topic.topicArn()).isEqualTo(topicArn));
			assertThat(sqs.listQueues().queueUrls()).contains(queueUrl);
		}
	}

	@Test
	void springPropertiesPointAtTheEmulator() {
		FauxqsEmulator emulator = FauxqsEmulator.shared();

		assertThat(emulator.springProperties()).containsEntry("spring.cloud.aws.endpoint", emulator.endpoint())
			.containsKey("spring.cloud.aws.region.static");
	}

	@Test
	void restartWithDataDirKeepsQueue(@TempDir Path dataDir) {
		FauxqsEmulator emulator = FauxqsEmulator.start(dataDir);
		try {
			assertThat(emulator.isExternal()).isFalse();
			int port = emulator.port();
			String queueUrl;
			try (SqsClient sqs = AwsTestClients.sqs(emulator)) {
				queueUrl = sqs.createQueue((request) -> request.queueName("durable-queue")).queueUrl();
			}

			emulator.restart();

			assertThat(emulator.isRunning()).isTrue();
			assertThat(emulator.port()).isEqualTo(port);
			try (SqsClient sqs = AwsTestClients.sqs(emulator)) {
				assertThat(sqs.getQueueUrl((request) -> request.queueName("durable-queue")).queueUrl())
					.isEqualTo(queueUrl);
			}
		}
		finally {
			emulator.stop();
		}
		assertThat(emulator.isRunning()).isFalse();
	}

	@Test
	void stoppedEmulatorCanBeRestarted() {
		FauxqsEmulator emulator = FauxqsEmulator.start();
		try {
			emulator.stop();
			emulator.stop();
			assertThat(emulator.isRunning()).isFalse();

			emulator.restart();

			assertThat(emulator.isRunning()).isTrue();
		}
		finally {
			emulator.stop();
		}
	}

	@Test
	void listensOnLoopbackOnlyAndRefusesConnectionsToTheMachinesOtherAddresses() throws IOException {
		FauxqsEmulator emulator = FauxqsEmulator.shared();
		assumeFalse(emulator.isExternal(), "only fauxqs started by the tests");
		List<InetAddress> others = nonLoopbackAddresses();
		assumeTrue(!others.isEmpty(), "this machine has no non-loopback address to try");

		try (Socket loopback = new Socket()) {
			loopback.connect(new InetSocketAddress("127.0.0.1", emulator.port()), 1_000);
			assertThat(loopback.isConnected()).isTrue();
		}
		for (InetAddress address : others) {
			try (Socket socket = new Socket()) {
				assertThatExceptionOfType(ConnectException.class).as("connect to %s:%d", address, emulator.port())
					.isThrownBy(() -> socket.connect(new InetSocketAddress(address, emulator.port()), 1_000));
			}
		}
	}

	@Test
	void keepsRunningWithStandardInputAtEndOfFile() {
		// The launcher gives the emulator /dev/null as standard input; an emulator that stopped on
		// end of input would be gone before or soon after it was healthy.
		FauxqsEmulator emulator = FauxqsEmulator.start();
		try {
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(emulator::isRunning);
			assertThat(health(emulator)).isEqualTo(200);
		}
		finally {
			emulator.stop();
		}
	}

	@Test
	void stopsByItselfWhenTheProcessThatStartedItIsGone() throws IOException {
		Process parent = new ProcessBuilder("sleep", "120").start();
		FauxqsEmulator emulator = FauxqsEmulator.start(null, parent.pid());
		try {
			assertThat(emulator.isRunning()).isTrue();

			parent.destroy();

			await().atMost(Duration.ofSeconds(10)).until(() -> !emulator.isRunning());
		}
		finally {
			parent.destroyForcibly();
			emulator.stop();
		}
	}

	private static int health(FauxqsEmulator emulator) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/health")).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
		return Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
			.toList();
	}

}
