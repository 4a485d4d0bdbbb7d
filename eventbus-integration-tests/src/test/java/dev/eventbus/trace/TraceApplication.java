package dev.eventbus.trace;

import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;

/**
 * An application with a real tracer (Micrometer Tracing's OpenTelemetry bridge) whose spans end
 * in an in-memory exporter, and one listener that records the trace id current while it runs.
 */
@SpringBootApplication
public class TraceApplication {

	/**
	 * One call of the listener.
	 *
	 * @param entityId the entity id of the event
	 * @param traceId the trace id current in the listener method, {@code null} without a span
	 */
	public record Call(String entityId, String traceId) {
	}

	@Bean
	InMemorySpanExporter spans() {
		return InMemorySpanExporter.create();
	}

	@Bean
	Deliveries<Call> calls() {
		return new Deliveries<>();
	}

	@Component
	static class TracedListener {

		private final Deliveries<Call> calls;

		private final Tracer tracer;

		TracedListener(Deliveries<Call> calls, Tracer tracer) {
			this.calls = calls;
			this.tracer = tracer;
		}

		@Listener(value = "TracedItem", id = "traced")
		void on(EntityEvent<Map<String, Object>> event) {
			Span span = this.tracer.currentSpan();
			this.calls.add(new Call(String.valueOf(event.entityId()), (span != null) ? span.context().traceId() : "none"));
		}

	}

}
