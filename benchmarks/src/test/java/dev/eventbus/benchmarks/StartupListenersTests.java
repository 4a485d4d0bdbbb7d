package dev.eventbus.benchmarks;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StartupListeners}: the start-up figure's fifty listener beans.
 */
class StartupListenersTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(StartupListeners.class);

	@Test
	void registersFiftyListenerBeansWithTheirOwnNames() {
		String[] names = IntStream.rangeClosed(1, 50).mapToObj((i) -> String.format("s%02d", i)).toArray(String[]::new);
		this.runner.withPropertyValues("bench.startup-listeners=true")
			.run((context) -> assertThat(context.getBeanNamesForType(StartupListeners.StartupListener.class))
				.containsExactlyInAnyOrder(names));
	}

	@Test
	void registersNoneWithoutTheProperty() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(StartupListeners.StartupListener.class));
	}

}
