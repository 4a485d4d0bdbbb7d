package dev.eventbus.it;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.MotoServer;

/**
 * Issue 7, a second SNS/SQS implementation: every test of {@link EndToEndIntegrationTests} against
 * moto, which shares no code with fauxqs (skipped where {@code moto_server} is not on the
 * {@code PATH}; {@code .ci/run} requires it).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
class EndToEndMotoIntegrationTests extends EndToEndIntegrationTests {

	@DynamicPropertySource
	static void moto(DynamicPropertyRegistry registry) {
		MotoServer.shared().springProperties().forEach((name, value) -> registry.add(name, () -> value));
		String url = TestSchema.fresh("it_e2e_moto");
		registry.add("spring.datasource.url", () -> url);
	}

}
