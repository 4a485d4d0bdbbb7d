package dev.eventbus.it;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.failure.MotoConnection;
import dev.eventbus.failure.TestSchema;

/**
 * Issue 7, a second SNS/SQS implementation: every test of {@link EndToEndIntegrationTests} against
 * moto, which shares no code with fauxqs (skipped where {@code moto_server} is not on the
 * {@code PATH}; {@code .ci/run} requires it).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
@Import(MotoConnection.class)
class EndToEndMotoIntegrationTests extends EndToEndIntegrationTests {

	@DynamicPropertySource
	static void moto(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("it_e2e_moto");
		registry.add("spring.datasource.url", () -> url);
	}

}
