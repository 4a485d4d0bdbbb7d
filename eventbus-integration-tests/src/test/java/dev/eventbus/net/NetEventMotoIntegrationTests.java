package dev.eventbus.net;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.failure.MotoConnection;
import dev.eventbus.failure.TestSchema;

/**
 * Every test of {@link NetEventIntegrationTests} against moto (skipped where {@code moto_server}
 * is not on the {@code PATH}).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
@Import(MotoConnection.class)
class NetEventMotoIntegrationTests extends NetEventIntegrationTests {

	@DynamicPropertySource
	static void moto(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("net_events_moto");
		registry.add("spring.datasource.url", () -> url);
	}

}
