package dev.eventbus.it.failure;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.badconfig.badchannel.BadChannelApp;
import dev.eventbus.failure.badconfig.plain.PlainApp;
import dev.eventbus.failure.badconfig.unbindable.UnbindableApp;
import dev.eventbus.failure.badconfig.unknownchannel.UnknownChannelApp;
import dev.eventbus.test.AwsTestClients;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Issue 3, bad configuration: each mistake stops the application with a failure analysis that
 * names the property, method or resource and the fix (or, for a listener on a channel nobody
 * publishes here, starts with a WARN naming the channel).
 */
@EnableFauxqs
@ExtendWith(OutputCaptureExtension.class)
class BadConfigurationIntegrationTests {

	private static final String SCHEMA = "fx_badconfig";

	@BeforeAll
	static void schema() {
		TestSchema.fresh(SCHEMA);
	}

	@Test
	void unknownProvisionModeNamesThePropertyAndTheValidValues(FauxqsEmulator emulator, CapturedOutput output) {
		Map<String, String> properties = properties(emulator, "a");
		properties.put("eventbus.provision.mode", "bogus");
		String report = failedStart(PlainApp.class, properties, output);
		assertThat(report).contains("eventbus.provision.mode").contains("bogus");
		assertThat(report.substring(report.indexOf("Action:"))).contains("CREATE", "VALIDATE", "NONE");
	}

	@Test
	void listenerMethodWithUnbindableParametersNamesTheMethodAndTheSupportedStyles(FauxqsEmulator emulator,
			CapturedOutput output) {
		String report = failedStart(UnbindableApp.class, properties(emulator, "b"), output);
		assertThat(report).contains("dev.eventbus.failure.badconfig.unbindable.UnbindableListener.sum(int, int)");
		assertThat(report.substring(report.indexOf("Action:"))).contains("EntityEvent<")
			.contains("String channel, Action action, Map<String, Object> data");
	}

	@Test
	void listenerOnAChannelNoEntityPublishesStartsWithAWarningNamingTheChannel(FauxqsEmulator emulator,
			CapturedOutput output) {
		int start = output.getAll().length();
		try (ConfigurableApplicationContext context = TestApps.run(UnknownChannelApp.class,
				properties(emulator, "c"))) {
			assertThat(context.isRunning()).isTrue();
		}
		assertThat(output.getAll().substring(start).lines().filter((line) -> line.contains(" WARN ")))
			.anySatisfy((line) -> assertThat(line).contains("'PublishedElsewhere'")
				.contains("ElsewhereListener.elsewhere"));
	}

	@Test
	void validateModeWithoutTheResourcesNamesWhatIsMissingAndTheProperty(FauxqsEmulator emulator,
			CapturedOutput output) {
		Map<String, String> properties = properties(emulator, "d");
		properties.put("eventbus.provision.mode", "validate");
		// one start reports everything that is missing: the topic, the queue and its dead-letter queue
		String report = failedStart(PlainApp.class, properties, output);
		assertThat(report).contains("eventbus.provision.mode")
			.contains("fx-bad-d-Memo")
			.contains("fx-bad-d-memoListener-memos'")
			.contains("fx-bad-d-memoListener-memos-dlq");
		assertThat(report.substring(report.indexOf("Action:"))).contains("eventbus.provision.mode=create");

		// with the topic and queues there, what is missing is the subscription
		try (SnsClient sns = AwsTestClients.sns(emulator); SqsClient sqs = AwsTestClients.sqs(emulator)) {
			sns.createTopic((r) -> r.name("fx-bad-d-Memo"));
			sqs.createQueue((r) -> r.queueName("fx-bad-d-memoListener-memos"));
			sqs.createQueue((r) -> r.queueName("fx-bad-d-memoListener-memos-dlq"));
		}
		String second = failedStart(PlainApp.class, properties, output);
		assertThat(second).contains("subscription of queue 'fx-bad-d-memoListener-memos'")
			.doesNotContain("SQS queue 'fx-bad-d-memoListener-memos'");
	}

	@Test
	void missingOutboxTableWithSchemaInitializationOffNamesThePropertyAndTheScript(FauxqsEmulator emulator,
			CapturedOutput output) {
		Map<String, String> properties = properties(emulator, "e");
		properties.put("spring.datasource.url", TestSchema.fresh("fx_badconfig_empty"));
		properties.put("eventbus.outbox.initialize-schema", "never");
		String report = failedStart(PlainApp.class, properties, output);
		assertThat(report).contains("eventbus_outbox").contains("eventbus.outbox.initialize-schema");
		String action = report.substring(report.indexOf("Action:"));
		assertThat(action).contains("eventbus.outbox.initialize-schema=always");
		Matcher script = Pattern.compile("classpath:(\\S+-postgresql\\.sql)").matcher(action);
		assertThat(script.find()).as("names the PostgreSQL script: %s", action).isTrue();
		assertThat(new ClassPathResource(script.group(1)).exists()).as("%s exists", script.group()).isTrue();
	}

	@Test
	void channelThatIsNoValidTopicNameNamesTheChannelAndTheFix(FauxqsEmulator emulator, CapturedOutput output) {
		String report = failedStart(BadChannelApp.class, properties(emulator, "f"), output);
		assertThat(report).contains("'Bad Channel!'");
		assertThat(report.substring(report.indexOf("Action:"))).contains("@PublishEvents")
			.contains("eventbus.publish.topic-prefix");
	}

	@Test
	void listenerWithoutApplicationNameNamesSpringApplicationName(FauxqsEmulator emulator, CapturedOutput output) {
		Map<String, String> properties = properties(emulator, "g");
		properties.remove("spring.application.name");
		String report = failedStart(PlainApp.class, properties, output);
		assertThat(report.substring(report.indexOf("Action:"))).contains("spring.application.name")
			.contains("eventbus.consume.queue-prefix");
	}

	private static Map<String, String> properties(FauxqsEmulator emulator, String name) {
		return TestApps.properties(emulator, TestSchema.url(SCHEMA), "fx-bad-" + name);
	}

	/**
	 * Starts an application that must fail and returns the failure analysis it printed.
	 */
	private static String failedStart(Class<?> application, Map<String, String> properties, CapturedOutput output) {
		int start = output.getAll().length();
		assertThatException().isThrownBy(() -> TestApps.run(application, properties).close());
		String printed = output.getAll().substring(start);
		int report = printed.indexOf("APPLICATION FAILED TO START");
		assertThat(report).as("failure analysis in the output:%n%s", printed).isNotNegative();
		String analysis = printed.substring(report);
		assertThat(analysis).contains("Description:").contains("Action:");
		return analysis;
	}

}
