package dev.eventbus.test;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import dev.eventbus.test.inmemory.InMemoryDelivery;

/**
 * Resets the {@link EventRecorder} of the test's context before each test method (before its
 * {@code @BeforeEach} methods), and clears the dead letters of in-memory delivery, so a context
 * cached for several test classes does not carry one test's events into the next. A test whose context is not loaded yet has nothing to reset.
 */
final class RecorderResetTestExecutionListener implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeanProvider(EventRecorder.class).ifAvailable(EventRecorder::reset);
			// the dead letters of in-memory delivery are per test too: a cached context shares them otherwise
			testContext.getApplicationContext()
				.getBeanProvider(InMemoryDelivery.class)
				.ifAvailable(InMemoryDelivery::clearDeadLetters);
		}
	}

	@Override
	public int getOrder() {
		// after dependency injection (2000), before transactional tests open their transaction (4000)
		return 3_500;
	}

}
