package dev.eventbus.trace;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.failure.MotoConnection;
import dev.eventbus.failure.TestSchema;

/**
 * {@link TraceEnvelopeIntegrationTests} against moto, whose SNS notifications carry the message
 * attributes too (skipped where {@code moto_server} is not on the {@code PATH}).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
@Import(MotoConnection.class)
class TraceEnvelopeMotoIntegrationTests extends TraceEnvelopeIntegrationTests {

	@DynamicPropertySource
	static void moto(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("it_trace_moto");
		registry.add("spring.datasource.url", () -> url);
	}

}
