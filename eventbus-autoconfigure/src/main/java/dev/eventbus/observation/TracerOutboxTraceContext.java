package dev.eventbus.observation;

import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the trace context with Micrometer Tracing's {@link Tracer}: it stores the current
 * span's trace id, span id and sampling decision in the form of a W3C {@code traceparent}
 * ({@code 00-<trace id>-<span id>-01}), whatever propagation the application uses, and
 * restores it as the current context with {@link CurrentTraceContext#newScope(TraceContext)}.
 * Baggage and {@code tracestate} of the capturing thread are not kept.
 */
public final class TracerOutboxTraceContext implements OutboxTraceContext {

	private final Tracer tracer;

	/**
	 * Creates the keeper.
	 * @param tracer the application's tracer
	 */
	public TracerOutboxTraceContext(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public @Nullable String current() {
		Span span = this.tracer.currentSpan();
		if (span == null || span.isNoop()) {
			return null;
		}
		TraceContext context = span.context();
		return "00-" + context.traceId() + "-" + context.spanId() + "-"
				+ (Boolean.FALSE.equals(context.sampled()) ? "00" : "01");
	}

	@Override
	public Scope restore(String stored) {
		String[] parts = stored.split("-");
		if (parts.length != 4 || parts[1].isEmpty() || parts[2].isEmpty()) {
			return () -> {
			};
		}
		TraceContext context = this.tracer.traceContextBuilder()
			.traceId(parts[1])
			.spanId(parts[2])
			.sampled(!"00".equals(parts[3]))
			.build();
		CurrentTraceContext.Scope scope = this.tracer.currentTraceContext().newScope(context);
		return scope::close;
	}

}
