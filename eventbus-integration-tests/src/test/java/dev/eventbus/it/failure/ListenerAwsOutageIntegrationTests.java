package dev.eventbus.it.failure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.consume.ConsumptionBreaker;
import dev.eventbus.consume.ConsumptionBreakers;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.consume.OutageCause;
import dev.eventbus.failure.Delivery;
import dev.eventbus.failure.Messages;
import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.awsout.AwsOutageApp;
import dev.eventbus.failure.awsout.Letter;
import dev.eventbus.failure.awsout.LetterForwarder;
import dev.eventbus.provision.ListenerQueue;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, items 2 and 3: a listener whose handler calls another AWS endpoint that hangs
 * (a second emulator, suspended with SIGSTOP for 20 s) times out, which is an AWS outage: the
 * breaker opens with one WARN, the listener stops receiving, half-open trials find the endpoint
 * still hanging, and after SIGCONT every event is forwarded, nothing is dead-lettered, and one
 * INFO says consumption resumed. The listener's {@code eventbus.listener.paused} gauge is 1 during
 * the outage and 0 after it, and {@code eventbus.listener.pauses} counts one pause (issue 10).
 */
@EnableFauxqs
@ExtendWith(OutputCaptureExtension.class)
class ListenerAwsOutageIntegrationTests {

	private static final Duration HANG = Duration.ofSeconds(20);

	private static final int EVENTS = 100;

	private static final String LISTENER = "letterForwarder-forward";

	@Test
	void aHandlerWhoseAwsDependencyHangsPausesTheListenerAndDeadLettersNothing(FauxqsEmulator emulator,
			CapturedOutput output) {
		FauxqsEmulator downstream = FauxqsEmulator.start();
		try {
			Map<String, String> properties = TestApps.properties(emulator, TestSchema.fresh("fx_awsout"), "fx-awsout");
			properties.put("eventbus.consume.outage.max-probe-delay", "4s");
			properties.put("test.downstream.endpoint", downstream.endpoint());
			properties.put("test.downstream.queue", "fx-awsout-forwarded");
			try (ConfigurableApplicationContext context = TestApps.run(AwsOutageApp.class, properties)) {
				context.getBean(SqsClient.class).createQueue((request) -> request.queueName("fx-awsout-forwarded"));
				run(context, downstream, output);
			}
		}
		finally {
			downstream.stop();
		}
	}

	private void run(ConfigurableApplicationContext context, FauxqsEmulator downstream, CapturedOutput output) {
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		EntityManager entityManager = context.getBean(EntityManager.class);
		LetterForwarder forwarder = context.getBean(LetterForwarder.class);
		ConsumptionBreaker breaker = context.getBean(ConsumptionBreakers.class).breaker(OutageCause.AWS);
		SqsAsyncClient sqs = context.getBean(SqsAsyncClient.class);
		List<ListenerQueue> queues = context.getBean(ListenerContainers.class).queues();
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		tx.executeWithoutResult((status) -> entityManager.persist(new Letter(0L, "before")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> forwarder.forwarded().distinct(Delivery::entityId).contains("0"));
		assertThat(paused(registry)).isZero();
		assertThat(pauses(registry)).isZero();
		int start = output.getAll().length();

		downstream.suspend();
		long suspended = System.nanoTime();
		try {
			tx.executeWithoutResult((status) -> {
				for (long id = 1; id <= EVENTS; id++) {
					entityManager.persist(new Letter(id, "recipient-" + id));
				}
			});
			await().atMost(Duration.ofSeconds(15)).until(() -> breaker.state() != ConsumptionBreaker.State.CLOSED);
			assertThat(paused(registry)).as("eventbus.listener.paused during the outage").isEqualTo(1);
			assertThat(pauses(registry)).isEqualTo(1);
			Duration rest = HANG.minus(Duration.ofNanos(System.nanoTime() - suspended));
			await().during(rest)
				.atMost(rest.plusSeconds(5))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> breaker.state() != ConsumptionBreaker.State.CLOSED
						&& forwarder.forwarded().distinct(Delivery::entityId).size() == 1);
		}
		finally {
			downstream.resume();
		}

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> forwarder.forwarded().distinct(Delivery::entityId).size() == EVENTS + 1);
		assertThat(breaker.state()).isEqualTo(ConsumptionBreaker.State.CLOSED);
		assertThat(paused(registry)).as("eventbus.listener.paused after it").isZero();
		assertThat(pauses(registry)).as("one pause, however many trials failed").isEqualTo(1);
		assertThat(queues).singleElement()
			.satisfies((queue) -> assertThat(Messages.drain(sqs, queue.deadLetterQueueName(), 0, Duration.ofSeconds(2)))
				.as("dead letters")
				.isEmpty());
		List<String> lines = output.getAll().substring(start).lines().toList();
		assertThat(lines.stream()
			.filter((line) -> line.contains(" WARN ") && (line.contains("dev.eventbus.") || line.contains(" d.e."))))
			.as("eventbus WARNs")
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("eventbus listeners that need the AWS services pause"));
		assertThat(lines.stream().filter((line) -> line.contains("consume again after"))).singleElement()
			.satisfies((line) -> assertThat(line).contains(" INFO "));
	}

	private static double paused(MeterRegistry registry) {
		return registry.get("eventbus.listener.paused").tag("listener", LISTENER).gauge().value();
	}

	private static double pauses(MeterRegistry registry) {
		return registry.get("eventbus.listener.pauses").tag("listener", LISTENER).functionCounter().count();
	}

}
