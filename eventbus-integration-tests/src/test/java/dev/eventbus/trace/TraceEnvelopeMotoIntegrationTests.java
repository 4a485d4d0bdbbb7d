package dev.eventbus.trace;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.MotoServer;

/**
 * {@link TraceEnvelopeIntegrationTests} against moto, whose SNS notifications carry the message
 * attributes too (skipped where {@code moto_server} is not on the {@code PATH}).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
class TraceEnvelopeMotoIntegrationTests extends TraceEnvelopeIntegrationTests {

	@DynamicPropertySource
	static void moto(DynamicPropertyRegistry registry) {
		MotoServer.shared().springProperties().forEach((name, value) -> registry.add(name, () -> value));
		String url = TestSchema.fresh("it_trace_moto");
		registry.add("spring.datasource.url", () -> url);
	}

}
