package dev.eventbus.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.tracing.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import dev.eventbus.observation.InMemoryTracing;
import dev.eventbus.observation.OutboxTraceContext;
import dev.eventbus.observation.TracerOutboxTraceContext;
import dev.eventbus.transport.OutgoingMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code eventbus.publish} spans of a real tracer (second read of the observation change):
 * their status (findings 1 and 3) and the sampling decision of the request that wrote the row
 * (finding 2).
 */
class PublishSpansTests {

	private final InMemoryTracing tracing = new InMemoryTracing();

	private final OutboxTraceContext traceContexts = new TracerOutboxTraceContext(this.tracing.tracer());

	private final PublishObservations observations = new PublishObservations(this.tracing.registry(), null,
			this.traceContexts);

	private final RelayMessages messages = new RelayMessages("app");

	@Test
	void aPublishedEventsSpanHasNoErrorStatusAndAFailedOneHas() {
		PendingEvent sent = row(null);
		PendingEvent refused = row(null);
		List<PendingEvent> events = List.of(sent, refused);
		PublishObservations.stop(this.observations.start(events, this.messages.of(events)),
				Map.of(refused.eventId(), "InvalidParameter: bad"));
		List<SpanData> spans = this.tracing.spans("Order publish");
		assertThat(spans).hasSize(2);
		assertThat(span(spans, sent).getStatus().getStatusCode()).isIn(StatusCode.UNSET, StatusCode.OK);
		assertThat(span(spans, sent).getAttributes().asMap().keySet().toString()).doesNotContain("error");
		assertThat(span(spans, refused).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
	}

	@Test
	void aSampledRequestsRowGivesAPublishSpanThatIsItsChild() {
		String stored = captureIn(true);
		assertThat(stored).endsWith("-01");
		publish(stored);
		assertThat(this.tracing.spans("Order publish")).singleElement().satisfies((span) -> {
			assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
			assertThat(span.getTraceId()).isEqualTo(stored.split("-")[1]);
			assertThat(span.getParentSpanId()).isEqualTo(stored.split("-")[2]);
		});
	}

	/** With Boot's 10% default, 90% of requests are unsampled: their events must not start traces of their own. */
	@Test
	void anUnsampledRequestsRowKeepsItsDecisionAndGivesNoOrphanTrace() {
		String stored = captureIn(false);
		assertThat(stored).as("stored with the unsampled flag").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
		this.tracing.sampleRoots(true);
		OutgoingMessage sent = publish(stored);
		assertThat(this.tracing.spans("Order publish")).as("no span of a trace of its own").isEmpty();
		assertThat(sent.attributes()).as("the decision travels on to the listeners")
			.containsEntry("traceparent", "00-" + stored.split("-")[1] + "-" + sent.attributes().get("traceparent")
				.split("-")[2] + "-00");
	}

	@Test
	void aRowWithGarbageInTraceContextIsStillPublished() {
		for (String garbage : List.of("garbage", "00-zz-yy-01", "00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01",
				"a-b-c")) {
			List<PendingEvent> events = List.of(row(garbage));
			List<OutgoingMessage> messages = this.messages.of(events);
			List<PublishObservations.Publish> started = this.observations.start(events, messages);
			assertThat(started).singleElement()
				.satisfies((publish) -> assertThat(publish.message().attributes()).containsAllEntriesOf(
						messages.get(0).attributes()));
			PublishObservations.stop(started, Map.of());
		}
		assertThat(this.tracing.spans("Order publish")).hasSize(4)
			.allSatisfy((span) -> assertThat(span.getParentSpanId()).isEqualTo("0000000000000000"));
	}

	/** The trace context stored for a row written in a request span that is sampled or not. */
	private String captureIn(boolean sampled) {
		this.tracing.sampleRoots(sampled);
		AtomicReference<String> stored = new AtomicReference<>();
		Span request = this.tracing.inSpan(() -> stored.set(this.traceContexts.current()));
		assertThat(request.context().sampled()).isEqualTo(sampled);
		return stored.get();
	}

	private OutgoingMessage publish(String stored) {
		List<PendingEvent> events = List.of(row(stored));
		List<PublishObservations.Publish> started = this.observations.start(events, this.messages.of(events));
		PublishObservations.stop(started, Map.of());
		return started.get(0).message();
	}

	private static SpanData span(List<SpanData> spans, PendingEvent event) {
		return spans.stream()
			.filter((span) -> event.eventId().toString().equals(span.getAttributes().asMap().entrySet().stream()
				.filter((entry) -> entry.getKey().getKey().equals("eventbus.event.id"))
				.map((entry) -> String.valueOf(entry.getValue()))
				.findFirst()
				.orElse(null)))
			.findFirst()
			.orElseThrow();
	}

	private static PendingEvent row(String traceContext) {
		return new PendingEvent(7, UUID.randomUUID(), "Order", "updated", "42", "shop-Order", "shop", "{}", 0,
				Instant.now(), Partitions.of("Order:42"), traceContext);
	}

}
