package dev.eventbus.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/**
 * One application of the observability figure: its variant, names, running context and
 * committing threads. Starting it checks that observability is what the variant says: off has
 * no meter registry, no observation registry and no tracer; on has the Prometheus registry, the
 * OpenTelemetry tracer and the span exporter.
 *
 * @param variant observability on or off
 * @param contexts its names (schema, topics, queues)
 * @param fixture the running application
 * @param load its committing threads
 */
record ObservedApplication(ObservabilityVariant variant, BenchmarkContexts contexts, Fixture fixture,
		CommitLoad load) {

	static ObservedApplication start(BenchmarkContexts contexts, ObservabilityVariant variant,
			ExecutorService threads, int threadCount) {
		contexts.createSchema();
		Fixture fixture;
		try {
			fixture = new Fixture(contexts, variant.properties());
		}
		catch (RuntimeException ex) {
			contexts.dropSchema();
			throw ex;
		}
		ObservedApplication app = new ObservedApplication(variant, contexts, fixture,
				new CommitLoad(fixture, threads, threadCount));
		try {
			app.check();
		}
		catch (RuntimeException ex) {
			app.close();
			throw ex;
		}
		return app;
	}

	private void check() {
		List<String> present = Stream.of(MeterRegistry.class, ObservationRegistry.class, Tracer.class)
			.filter((type) -> this.fixture.context.getBeanProvider(type).getIfAvailable() != null)
			.map(Class::getSimpleName)
			.toList();
		if (!this.variant.on() && !present.isEmpty()) {
			throw new IllegalStateException("Observability off, yet the application has " + present);
		}
		if (this.variant.on()) {
			for (Class<?> type : List.of(PrometheusMeterRegistry.class, OtelTracer.class,
					OtlpEncodingSpanExporter.class, ObservabilityConfiguration.PrometheusScraper.class)) {
				if (this.fixture.context.getBeanProvider(type).getIfAvailable() == null) {
					throw new IllegalStateException("Observability on, yet the application has no " + type.getName());
				}
			}
		}
	}

	/**
	 * The spans exported so far, once the batch span processor has exported what it holds; 0
	 * with observability off.
	 * @return the count
	 */
	long spans() {
		if (!this.variant.on()) {
			return 0;
		}
		this.fixture.context.getBean(SdkTracerProvider.class).forceFlush().join(30, TimeUnit.SECONDS);
		return this.fixture.context.getBean(OtlpEncodingSpanExporter.class).spans();
	}

	/**
	 * Adds what observability did in this application to a figure's details: the eventbus meters
	 * registered, spans and OTLP bytes exported, Prometheus scrapes.
	 * @param details the figure's details
	 */
	void describe(Map<String, Object> details) {
		PrometheusMeterRegistry registry = this.fixture.context.getBean(PrometheusMeterRegistry.class);
		details.put("eventbusMeters", registry.getMeters()
			.stream()
			.map((meter) -> meter.getId().getName())
			.filter((name) -> name.startsWith("eventbus"))
			.distinct()
			.sorted()
			.toList());
		details.put("meters", registry.getMeters().size());
		OtlpEncodingSpanExporter exporter = this.fixture.context.getBean(OtlpEncodingSpanExporter.class);
		details.put("spansExported", exporter.spans());
		details.put("spansExportedByName", exporter.spansByName());
		details.put("otlpBytesExported", exporter.bytes());
		ObservabilityConfiguration.PrometheusScraper scraper = this.fixture.context
			.getBean(ObservabilityConfiguration.PrometheusScraper.class);
		details.put("prometheusScrapes", scraper.scrapes());
		details.put("prometheusScrapeChars", scraper.lastLength());
	}

	/** Deletes its topics and queues, stops it and drops its schema. */
	void close() {
		try {
			this.fixture.deleteResources();
			this.fixture.close();
		}
		finally {
			this.contexts.dropSchema();
		}
	}

}
