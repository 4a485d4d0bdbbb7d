package dev.eventbus.retry;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.failure.MotoConnection;
import dev.eventbus.failure.TestSchema;

/**
 * Issue 7, a second SNS/SQS implementation: the consumer failure tests of
 * {@link ConsumerRetryIntegrationTests} (retries through the visibility timeout, the redrive to
 * the dead-letter queue, non-retryable exceptions, idempotency, the visibility heartbeat) against
 * moto (skipped where {@code moto_server} is not on the {@code PATH}; {@code .ci/run} requires it).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
@Import(MotoConnection.class)
class ConsumerRetryMotoIntegrationTests extends ConsumerRetryIntegrationTests {

	@DynamicPropertySource
	static void moto(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("it_retry_moto");
		registry.add("spring.datasource.url", () -> url);
	}

}
