package dev.eventbus.autoconfigure;

import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.eventbus.observation.OutboxTraceContext;
import dev.eventbus.observation.TracerOutboxTraceContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 2: the trace context kept with outbox rows comes from the application's
 * {@link Tracer} when there is one, and from nowhere otherwise.
 */
class EventBusObservationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventBusObservationAutoConfiguration.class));

	@Test
	void aTracerBeanKeepsTheTraceContextWithTheRow() {
		this.runner.withBean(Tracer.class, () -> Mockito.mock(Tracer.class))
			.run((context) -> assertThat(context).getBean(OutboxTraceContext.class)
				.isInstanceOf(TracerOutboxTraceContext.class));
	}

	@Test
	void withoutATracerBeanNothingIsKept() {
		this.runner.run((context) -> assertThat(context).getBean(OutboxTraceContext.class)
			.isSameAs(OutboxTraceContext.NONE));
	}

	@Test
	void withoutMicrometerTracingThereIsNoBean() {
		this.runner.withClassLoader(new FilteredClassLoader(Tracer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OutboxTraceContext.class));
	}

	@Test
	void theApplicationsOwnBeanReplacesIt() {
		OutboxTraceContext own = OutboxTraceContext.NONE;
		this.runner.withBean(Tracer.class, () -> Mockito.mock(Tracer.class))
			.withBean("own", OutboxTraceContext.class, () -> own)
			.run((context) -> assertThat(context).getBean(OutboxTraceContext.class).isSameAs(own));
	}

}
