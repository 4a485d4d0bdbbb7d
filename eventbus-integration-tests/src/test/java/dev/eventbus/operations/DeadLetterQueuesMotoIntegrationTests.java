package dev.eventbus.operations;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.context.annotation.Import;

import dev.eventbus.failure.MotoConnection;

/**
 * The dead-letter peek and redrive of {@link DeadLetterQueuesIntegrationTests} against moto (skipped
 * where {@code moto_server} is not on the {@code PATH}).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
@Import(MotoConnection.class)
class DeadLetterQueuesMotoIntegrationTests extends DeadLetterQueuesIntegrationTests {

}
