package dev.eventbus.domain;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.failure.MotoConnection;
import dev.eventbus.failure.TestSchema;

/**
 * Issue 11: every test of {@link DomainEventIntegrationTests} (custom-action filter policies
 * among them) against moto, which, unlike fauxqs, is a second implementation of SNS filter
 * policies (skipped where {@code moto_server} is not on the {@code PATH}).
 */
@EnabledIf("dev.eventbus.test.MotoServer#isAvailable")
@Import(MotoConnection.class)
class DomainEventMotoIntegrationTests extends DomainEventIntegrationTests {

	@DynamicPropertySource
	static void moto(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("it_dom_moto");
		registry.add("spring.datasource.url", () -> url);
	}

}
