package dev.eventbus.trace;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.Deliveries;
import dev.eventbus.trace.TraceApplication.Call;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, item 2, one trace from the commit to the listener, through PostgreSQL and the
 * emulator with a real tracer: an entity saved inside a span gives a publish span that is that
 * span's child and a listener span that is the publish span's child, in the same trace. The
 * subclasses run it with envelope and raw delivery, with and without Spring Cloud AWS's own
 * observation of SQS listeners.
 */
@AutoConfigureTracing
abstract class TraceTests {

	static final String COMMON = "management.tracing.sampling.probability=1.0";

	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	@Autowired
	Tracer tracer;

	@Autowired
	InMemorySpanExporter spans;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	Deliveries<Call> calls;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void listenerSpanIsAChildOfThePublishSpanWhichContinuesTheTraceOfTheCommit() {
		UUID id = UUID.randomUUID();
		Span request = saveInSpan(this.tracer, this.tx, this.entityManager, id);
		String traceId = request.context().traceId();
		assertThat(this.jdbc.queryForObject("select trace_context from eventbus_outbox where entity_id = ?",
				String.class, id.toString()))
			.as("the trace context stored with the row")
			.isEqualTo("00-" + traceId + "-" + request.context().spanId() + "-01");
		await().atMost(TIMEOUT).until(() -> !this.calls.matching((call) -> call.entityId().equals(id.toString())).isEmpty());
		assertThat(this.calls.matching((call) -> call.entityId().equals(id.toString())))
			.as("the trace current in the listener method")
			.singleElement()
			.extracting(Call::traceId)
			.isEqualTo(traceId);
		SpanData handle = await().atMost(TIMEOUT)
			.until(() -> span(traceId, "TracedItem process"), (span) -> span != null);
		SpanData publish = span(traceId, "TracedItem publish");
		assertThat(publish).as("the publish span in the trace of the commit").isNotNull();
		assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
		assertThat(publish.getParentSpanId()).as("the publish span's parent").isEqualTo(request.context().spanId());
		assertThat(handle.getKind()).isEqualTo(SpanKind.CONSUMER);
		assertThat(handle.getParentSpanId()).as("the listener span's parent").isEqualTo(publish.getSpanId());
		assertThat(handle.getAttributes().asMap().toString()).contains("listener=traced").contains("outcome=success");
	}

	/**
	 * Saves a {@link TracedItem} in a transaction inside a span of its own, as a request would.
	 * @return the span, ended
	 */
	static Span saveInSpan(Tracer tracer, TransactionTemplate tx, EntityManager entityManager, UUID id) {
		Span request = tracer.nextSpan().name("request").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
			tx.executeWithoutResult((status) -> entityManager.persist(new TracedItem(id, "traced")));
		}
		finally {
			request.end();
		}
		return request;
	}

	private SpanData span(String traceId, String name) {
		List<SpanData> matching = this.spans.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getTraceId().equals(traceId) && span.getName().equals(name))
			.toList();
		assertThat(matching).as("spans named " + name).hasSizeLessThan(2);
		return matching.isEmpty() ? null : matching.get(0);
	}

}
