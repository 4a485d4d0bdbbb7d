package dev.eventbus.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One side of the observability figure: the application with its observability off (no
 * {@code MeterRegistry}, no {@code ObservationRegistry}, no tracer: what
 * {@link BenchmarkContexts} starts by default) or on, as a production application has it: Spring
 * Boot's Prometheus registry (scraped every {@link ObservabilityConfiguration#SCRAPE_INTERVAL})
 * and Micrometer Tracing over OpenTelemetry, spans batched by Boot's {@code BatchSpanProcessor}
 * into {@link OtlpEncodingSpanExporter}, with a sampling probability.
 *
 * @param name the name in figures and logs
 * @param suffix the suffix of its names (schema, topics, queues)
 * @param sampling the tracing sampling probability, NaN when off
 */
record ObservabilityVariant(String name, String suffix, double sampling) {

	static final ObservabilityVariant OFF = new ObservabilityVariant("off", "off", Double.NaN);

	/** The worst case: every trace sampled. */
	static final ObservabilityVariant ON = new ObservabilityVariant("on, 100 % sampled", "on100", 1.0);

	/** Spring Boot's default sampling probability. */
	static final ObservabilityVariant ON_10 = new ObservabilityVariant("on, 10 % sampled", "on10", 0.1);

	static final List<ObservabilityVariant> ALL = List.of(OFF, ON, ON_10);

	boolean on() {
		return !Double.isNaN(this.sampling);
	}

	/**
	 * The properties of its context.
	 * @return the properties, over the defaults of {@link BenchmarkContexts}
	 */
	Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		if (on()) {
			properties.put("spring.autoconfigure.exclude", "");
			properties.put("bench.observability", "true");
			properties.put("management.tracing.sampling.probability", Double.toString(this.sampling));
			// several contexts share the JVM: each keeps its meters to itself
			properties.put("management.metrics.use-global-registry", "false");
			// Spring Cloud AWS's own SQS observation (off by default) on request: eventbus works
			// with and without it
			properties.put("spring.cloud.aws.sqs.observation-enabled",
					Boolean.toString(Boolean.getBoolean("benchmark.sqs-observation")));
		}
		return properties;
	}

}
