package dev.eventbus.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FauxqsExtension} through {@link EnableFauxqs}.
 */
@EnableFauxqs
class FauxqsExtensionTests {

	@Test
	void setsSpringPropertiesAndResolvesTheSharedEmulator(FauxqsEmulator emulator) {
		assertThat(emulator).isSameAs(FauxqsEmulator.shared());
		emulator.springProperties().forEach((name, value) -> assertThat(System.getProperty(name)).isNotNull());
		assertThat(System.getProperty("spring.cloud.aws.endpoint")).isEqualTo(emulator.endpoint());
	}

}
