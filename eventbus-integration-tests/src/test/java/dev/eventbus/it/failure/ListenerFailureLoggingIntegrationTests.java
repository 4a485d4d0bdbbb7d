package dev.eventbus.it.failure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.eventbus.test.Queues;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.logging.LoggingApp;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, library manners: eventbus does not silence Spring Cloud AWS's error log for the
 * whole application. A failure of the application's own {@code @SqsListener} is still logged
 * by Spring Cloud AWS; a failure of an eventbus listener is logged once, by eventbus.
 */
@EnableFauxqs
@ExtendWith(OutputCaptureExtension.class)
class ListenerFailureLoggingIntegrationTests {

	private static final Pattern SINK_ERROR = Pattern.compile("Error processing message (\\S+?)\\.?\\s");

	@Test
	void theApplicationsOwnListenerErrorIsLoggedAndAnEventbusFailureOnlyOnceByEventbus(FauxqsEmulator emulator,
			CapturedOutput output) {
		Map<String, String> properties = TestApps.properties(emulator, TestSchema.fresh("fx_logging"), "fx-log");
		try (ConfigurableApplicationContext context = TestApps.run(LoggingApp.class, properties)) {
			SqsAsyncClient sqs = context.getBean(SqsAsyncClient.class);
			String userQueue = Queues.url(sqs, LoggingApp.USER_QUEUE);
			sqs.sendMessage((r) -> r.queueUrl(userQueue).messageBody("not what the listener wants")).join();
			context.getBean(TransactionTemplate.class).executeWithoutResult((status) -> {
				LoggingApp.Note note = new LoggingApp.Note();
				note.id = 1L;
				note.text = "hello";
				context.getBean(EntityManager.class).persist(note);
			});
			LoggingApp.UserListener user = context.getBean(LoggingApp.UserListener.class);
			LoggingApp.NoteListener notes = context.getBean(LoggingApp.NoteListener.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> notes.deliveries.getOrDefault("1", 0) == 2 && !user.messageIds.isEmpty()
						&& output.getOut().contains("Error processing message"));
			List<String> sinkErrors = SINK_ERROR.matcher(output.getOut()).results().map((m) -> m.group(1)).toList();
			assertThat(sinkErrors).isNotEmpty().allSatisfy((id) -> assertThat(user.messageIds).contains(id));
			assertThat(output.getOut()).contains(LoggingApp.USER_FAILURE);
			assertThat(occurrences(output.getOut(), LoggingApp.EVENTBUS_FAILURE)).as(output.getOut()).isEqualTo(1);
			assertThat(output.getOut())
				.containsPattern("WARN .*eventbus: @Listener .*NoteListener.on\\(EntityEvent\\) failed on delivery 1 ");
		}
	}

	private static int occurrences(String text, String part) {
		Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
