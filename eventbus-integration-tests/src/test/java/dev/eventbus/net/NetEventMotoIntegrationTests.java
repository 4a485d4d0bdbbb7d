package dev.eventbus.net;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.MotoServer;

/**
 * Every test of {@link NetEventIntegrationTests} against moto (skipped where {@code moto_server}
 * is not on the {@code PATH}).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
class NetEventMotoIntegrationTests extends NetEventIntegrationTests {

	@DynamicPropertySource
	static void moto(DynamicPropertyRegistry registry) {
		MotoServer.shared().springProperties().forEach((name, value) -> registry.add(name, () -> value));
		String url = TestSchema.fresh("net_events_moto");
		registry.add("spring.datasource.url", () -> url);
	}

}
