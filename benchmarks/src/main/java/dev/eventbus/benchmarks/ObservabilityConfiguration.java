package dev.eventbus.benchmarks;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the observability figure's ON side adds to Spring Boot's auto-configured Prometheus
 * registry and OpenTelemetry tracer ({@code bench.observability=true}): the span exporter that
 * Boot's batch span processor feeds, and a scraper that renders the Prometheus page as a
 * Prometheus server would fetch it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("bench.observability")
class ObservabilityConfiguration {

	/** Often, for a scrape interval (Prometheus's own default is a minute). */
	static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(15);

	@Bean
	OtlpEncodingSpanExporter otlpEncodingSpanExporter() {
		return new OtlpEncodingSpanExporter();
	}

	@Bean
	PrometheusScraper prometheusScraper(PrometheusMeterRegistry registry) {
		return new PrometheusScraper(registry);
	}

	/** Renders the registry's Prometheus text every {@link #SCRAPE_INTERVAL}, on a thread of its own. */
	static final class PrometheusScraper implements SmartLifecycle {

		private final PrometheusMeterRegistry registry;

		private final AtomicLong scrapes = new AtomicLong();

		private volatile int lastLength;

		private volatile @Nullable ScheduledExecutorService executor;

		PrometheusScraper(PrometheusMeterRegistry registry) {
			this.registry = registry;
		}

		@Override
		public void start() {
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "bench-prometheus-scrape");
				thread.setDaemon(true);
				return thread;
			});
			long millis = SCRAPE_INTERVAL.toMillis();
			executor.scheduleAtFixedRate(() -> {
				this.lastLength = this.registry.scrape().length();
				this.scrapes.incrementAndGet();
			}, millis, millis, TimeUnit.MILLISECONDS);
			this.executor = executor;
		}

		@Override
		public void stop() {
			ScheduledExecutorService executor = this.executor;
			if (executor != null) {
				executor.shutdownNow();
				this.executor = null;
			}
		}

		@Override
		public boolean isRunning() {
			return this.executor != null;
		}

		/**
		 * Scrapes so far.
		 * @return the count
		 */
		long scrapes() {
			return this.scrapes.get();
		}

		/**
		 * The length of the last scrape's text, 0 before the first.
		 * @return characters
		 */
		int lastLength() {
			return this.lastLength;
		}

	}

}
