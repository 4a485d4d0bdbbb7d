package dev.eventbus.it.failure;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.badconfig.publisher.ReceiptApp;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Issue 9, item 3: an application that only publishes has its topics checked by the one
 * provisioning step at start-up, as an application with listeners has: a missing topic stops it
 * with the failure analysis naming the topic. Only {@code none} mode with listeners disabled
 * leaves the lookup to the relay.
 */
@EnableFauxqs
@ExtendWith(OutputCaptureExtension.class)
class PublisherOnlyProvisioningIntegrationTests {

	private static final String SCHEMA = "fx_publisher_only";

	@BeforeAll
	static void schema() {
		TestSchema.fresh(SCHEMA);
	}

	@Test
	void noneModeWithoutListenersFailsStartUpNamingTheMissingTopic(FauxqsEmulator emulator, CapturedOutput output) {
		Map<String, String> properties = properties(emulator, "a");
		properties.put("eventbus.provision.mode", "none");
		String report = failedStart(properties, output);
		assertThat(report).contains("eventbus.provision.mode is none")
			.contains("SNS topic 'fx-po-a-Receipt' of channel 'Receipt'");
		assertThat(report.substring(report.indexOf("Action:"))).contains("eventbus.provision.mode=create");
	}

	@Test
	void validateModeWithListenersDisabledFailsStartUpNamingTheMissingTopic(FauxqsEmulator emulator,
			CapturedOutput output) {
		Map<String, String> properties = properties(emulator, "b");
		properties.put("eventbus.provision.mode", "validate");
		properties.put("eventbus.consume.enabled", "false");
		String report = failedStart(properties, output);
		assertThat(report).contains("eventbus.provision.mode is validate")
			.contains("SNS topic 'fx-po-b-Receipt' of channel 'Receipt'");
	}

	@Test
	void noneModeWithListenersDisabledStartsBeforeItsTopicExistsAndCreatesNothing(FauxqsEmulator emulator) {
		Map<String, String> properties = properties(emulator, "c");
		properties.put("eventbus.provision.mode", "none");
		properties.put("eventbus.consume.enabled", "false");
		try (ConfigurableApplicationContext context = TestApps.run(ReceiptApp.class, properties)) {
			assertThat(context.isRunning()).isTrue();
			assertThat(context.getBean(SnsClient.class).listTopicsPaginator().topics())
				.noneSatisfy((topic) -> assertThat(topic.topicArn()).endsWith(":fx-po-c-Receipt"));
		}
	}

	private static Map<String, String> properties(FauxqsEmulator emulator, String name) {
		return TestApps.properties(emulator, TestSchema.url(SCHEMA), "fx-po-" + name);
	}

	/** Starts the application, which must fail, and returns the failure analysis it printed. */
	private static String failedStart(Map<String, String> properties, CapturedOutput output) {
		int start = output.getAll().length();
		assertThatException().isThrownBy(() -> TestApps.run(ReceiptApp.class, properties).close());
		String printed = output.getAll().substring(start);
		int report = printed.indexOf("APPLICATION FAILED TO START");
		assertThat(report).as("failure analysis in the output:%n%s", printed).isNotNegative();
		return printed.substring(report);
	}

}
