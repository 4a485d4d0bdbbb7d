package dev.eventbus.trace;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.TopicTap;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.trace.TraceApplication.Call;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, item 2, SNS's limit of ten message attributes: a propagator that injects eight
 * fields besides {@code traceparent} would give a message thirteen attributes. The relay sends
 * such messages without the propagation fields (neither emulator enforces the limit, so a queue
 * of the test's own counts what arrives), logs that once, and the events are still handled.
 */
@EnableFauxqs
@AutoConfigureTracing
@SpringBootTest(classes = TraceApplication.class,
		properties = { TraceTests.COMMON, "spring.application.name=it-trace-limit",
				"eventbus.publish.topic-prefix=it-trace-limit-" })
@DirtiesContext
@Import(TraceAttributeLimitIntegrationTests.NoisyPropagation.class)
@ExtendWith(OutputCaptureExtension.class)
class TraceAttributeLimitIntegrationTests {

	private static final List<String> NOISE = IntStream.rangeClosed(1, 8).mapToObj((i) -> "noise-" + i).toList();

	@Autowired
	Tracer tracer;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	Deliveries<Call> calls;

	@Autowired
	SnsClient sns;

	@Autowired
	SqsAsyncClient sqs;

	@Test
	void propagationFieldsThatWouldPassTenAttributesAreDroppedWithOneWarnAndTheEventsAreHandled(
			CapturedOutput output) {
		TopicTap tap = TopicTap.subscribe(this.sns, this.sqs, "it-trace-limit-TracedItem", "it-trace-limit-tap");
		List<String> ids = List.of(save(), save(), save());
		await().atMost(Duration.ofSeconds(40))
			.until(() -> ids.stream().allMatch((id) -> !this.calls.matching((call) -> call.entityId().equals(id)).isEmpty()));
		List<TopicTap.Notification> arrived = await().atMost(Duration.ofSeconds(20))
			.until(tap::poll, (notifications) -> notifications.size() >= ids.size());
		assertThat(arrived).hasSize(ids.size()).allSatisfy((notification) -> {
			assertThat(notification.attributes()).hasSizeLessThanOrEqualTo(10)
				.containsOnlyKeys("channel", "action", "eventId", "publisher");
		});
		assertThat(output.getOut().split("eventbus sends events without their trace attributes", -1)).as("one WARN")
			.hasSize(2);
	}

	private String save() {
		UUID id = UUID.randomUUID();
		TraceTests.saveInSpan(this.tracer, this.tx, this.entityManager, id);
		return id.toString();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class NoisyPropagation {

		/** W3C trace context plus eight fields of its own: replaces Spring Boot's propagator. */
		@Bean
		TextMapPropagator noisyPropagator() {
			return TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), new TextMapPropagator() {

				@Override
				public Collection<String> fields() {
					return NOISE;
				}

				@Override
				public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
					NOISE.forEach((field) -> setter.set(carrier, field, "x"));
				}

				@Override
				public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
					return context;
				}

			});
		}

	}

}
