package dev.eventbus.it.failure;

import java.util.Map;

import org.junit.jupiter.api.condition.EnabledIf;

import dev.eventbus.test.MotoServer;

/**
 * Issue 7, a second SNS/SQS implementation: {@link SeveralInstancesIntegrationTests} (two instances
 * relaying from one outbox and competing for the shared queues) against moto (skipped where
 * {@code moto_server} is not on the {@code PATH}; {@code .ci/run} requires it).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
class SeveralInstancesMotoIntegrationTests extends SeveralInstancesIntegrationTests {

	@Override
	Map<String, String> endpoint() {
		return MotoServer.shared().springProperties();
	}

	/** moto's {@code ReceiveMessage} can give one message to two receivers polling at once. */
	@Override
	boolean receivesEachMessageOnce() {
		return false;
	}

}
