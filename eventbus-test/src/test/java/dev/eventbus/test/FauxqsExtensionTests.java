package dev.eventbus.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FauxqsExtension} through {@link EnableFauxqs}: it starts the shared emulator, resolves it as
 * a parameter and leaves the JVM's system properties alone (the Spring context gets connection details instead,
 * see {@link FauxqsConnectionDetailsTests}).
 */
@EnableFauxqs
class FauxqsExtensionTests {

	@Test
	void startsAndResolvesTheSharedEmulatorWithoutSettingSystemProperties(FauxqsEmulator emulator) {
		assertThat(emulator).isSameAs(FauxqsEmulator.shared());
		assertThat(emulator.isRunning()).isTrue();
		assertThat(emulator.springProperties()).isNotEmpty()
			.allSatisfy((name, value) -> assertThat(System.getProperty(name)).as(name).isNull());
	}

}
