package dev.eventbus.operations;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.test.MotoServer;

/**
 * The dead-letter peek and redrive of {@link DeadLetterQueuesIntegrationTests} against moto (skipped
 * where {@code moto_server} is not on the {@code PATH}).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
class DeadLetterQueuesMotoIntegrationTests extends DeadLetterQueuesIntegrationTests {

	@DynamicPropertySource
	static void moto(DynamicPropertyRegistry registry) {
		MotoServer.shared().springProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

}
