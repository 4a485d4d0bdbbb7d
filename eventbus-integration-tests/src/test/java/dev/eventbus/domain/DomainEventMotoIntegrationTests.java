package dev.eventbus.domain;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.MotoServer;

/**
 * Issue 11: every test of {@link DomainEventIntegrationTests} (custom-action filter policies
 * among them) against moto, which, unlike fauxqs, is a second implementation of SNS filter
 * policies (skipped where {@code moto_server} is not on the {@code PATH}).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
class DomainEventMotoIntegrationTests extends DomainEventIntegrationTests {

	@DynamicPropertySource
	static void moto(DynamicPropertyRegistry registry) {
		MotoServer.shared().springProperties().forEach((name, value) -> registry.add(name, () -> value));
		String url = TestSchema.fresh("it_dom_moto");
		registry.add("spring.datasource.url", () -> url);
	}

}
