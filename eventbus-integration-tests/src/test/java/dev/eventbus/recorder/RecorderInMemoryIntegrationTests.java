package dev.eventbus.recorder;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.InMemoryEventBus;

/**
 * Issue 12: every recorder and scenario test of {@link RecorderIntegrationTests} on in-memory
 * delivery (no SNS or SQS client; the emulator the superclass asks for is not used), so the
 * recorder's hooks (capture, the transport call, the handle observation) are shown to be the
 * same in both modes.
 */
@InMemoryEventBus
class RecorderInMemoryIntegrationTests extends RecorderIntegrationTests {

	@DynamicPropertySource
	static void memorySchema(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("it_recorder_memory");
		registry.add("spring.datasource.url", () -> url);
	}

}
