package dev.eventbus.observation;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;

/**
 * A real tracer (Micrometer Tracing's OpenTelemetry bridge, W3C propagation) whose finished
 * spans go to an in-memory exporter, and an observation registry with the tracing handlers
 * Spring Boot registers. A span with no parent is sampled only while {@link #sampleRoots} is
 * on; a child follows its parent's decision, as with Boot's parent-based sampler.
 */
public final class InMemoryTracing {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final AtomicBoolean sampleRoots = new AtomicBoolean(true);

	private final Tracer tracer;

	private final ObservationRegistry registry = ObservationRegistry.create();

	/** Creates the tracer and the registry. */
	public InMemoryTracing() {
		Sampler roots = new Sampler() {

			@Override
			public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
					Attributes attributes, List<LinkData> links) {
				return InMemoryTracing.this.sampleRoots.get() ? SamplingResult.recordAndSample() : SamplingResult.drop();
			}

			@Override
			public String getDescription() {
				return "switchable";
			}

		};
		SdkTracerProvider provider = SdkTracerProvider.builder()
			.setSampler(Sampler.parentBased(roots))
			.addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
			.build();
		io.opentelemetry.api.trace.Tracer otel = provider.get("test");
		this.tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), (event) -> {
		});
		OtelPropagator propagator = new OtelPropagator(
				ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
		this.registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(this.tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(this.tracer, propagator),
					new DefaultTracingObservationHandler(this.tracer)));
	}

	/** @return the tracer */
	public Tracer tracer() {
		return this.tracer;
	}

	/** @return the registry whose observations become spans */
	public ObservationRegistry registry() {
		return this.registry;
	}

	/**
	 * Whether spans without a parent are sampled from now on.
	 * @param sampled the decision for new traces
	 */
	public void sampleRoots(boolean sampled) {
		this.sampleRoots.set(sampled);
	}

	/**
	 * Runs {@code action} in a span of its own, as a request would, and ends the span.
	 * @param action what runs in the span
	 * @return the span, ended
	 */
	public Span inSpan(Runnable action) {
		Span span = this.tracer.nextSpan().name("request").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			action.run();
		}
		finally {
			span.end();
		}
		return span;
	}

	/**
	 * @param name the span name
	 * @return the finished (exported) spans of that name
	 */
	public List<SpanData> spans(String name) {
		return this.exporter.getFinishedSpanItems().stream().filter((span) -> span.getName().equals(name)).toList();
	}

}
