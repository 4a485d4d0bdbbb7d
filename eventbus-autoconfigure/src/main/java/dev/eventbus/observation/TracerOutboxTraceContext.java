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
 * An unsampled span is kept too (flag {@code 00}), so the publish and listener spans follow the
 * request's sampling decision instead of starting traces of their own. Baggage and
 * {@code tracestate} of the capturing thread are not kept.
 */
public final class TracerOutboxTraceContext implements OutboxTraceContext {

	private static final Scope NOTHING = () -> {
	};

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
		if (span == null) {
			return null;
		}
		// not isNoop(): that is true of every unsampled span, whose decision must travel too
		TraceContext context = span.context();
		if (!valid(context.traceId()) || !valid(context.spanId())) {
			return null;
		}
		return "00-" + context.traceId() + "-" + context.spanId() + "-"
				+ (Boolean.FALSE.equals(context.sampled()) ? "00" : "01");
	}

	@Override
	public Scope restore(String stored) {
		String[] parts = stored.split("-");
		if (parts.length != 4 || !valid(parts[1]) || !valid(parts[2])) {
			return NOTHING;
		}
		try {
			TraceContext context = this.tracer.traceContextBuilder()
				.traceId(parts[1])
				.spanId(parts[2])
				.sampled(!"00".equals(parts[3]))
				.build();
			CurrentTraceContext.Scope scope = this.tracer.currentTraceContext().newScope(context);
			return scope::close;
		}
		catch (RuntimeException ex) {
			// a tracer may refuse ids it cannot parse (Brave does): the event goes without its trace
			return NOTHING;
		}
	}

	/** Lower-case hex, not all zeros (the invalid id of W3C trace context). */
	private static boolean valid(@Nullable String id) {
		if (id == null || id.isEmpty()) {
			return false;
		}
		boolean zeros = true;
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
			zeros &= c == '0';
		}
		return !zeros;
	}

}
