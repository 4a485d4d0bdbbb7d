package dev.eventbus.it.failure;

import java.util.Map;

import org.junit.jupiter.api.condition.EnabledIf;

import dev.eventbus.test.MotoServer;

/**
 * Issue 7, a second SNS/SQS implementation: the provisioning tests of
 * {@link ProvisioningIdempotencyIntegrationTests} against moto, which formats attributes it gives
 * back differently from fauxqs (skipped where {@code moto_server} is not on the {@code PATH};
 * {@code .ci/run} requires it).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
class ProvisioningIdempotencyMotoIntegrationTests extends ProvisioningIdempotencyIntegrationTests {

	@Override
	Map<String, String> endpoint() {
		return MotoServer.shared().springProperties();
	}

}
