package dev.eventbus.test;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FauxqsExtension} through {@link EnableFauxqs}. The system properties the extension sets are
 * cleared before it runs (by {@link ClearedProperties}, declared first so that it runs first) and restored after
 * the class, so the test fails if the extension does not set them.
 */
@ExtendWith(FauxqsExtensionTests.ClearedProperties.class)
@EnableFauxqs
class FauxqsExtensionTests {

	@Test
	void setsSpringPropertiesAndResolvesTheSharedEmulator(FauxqsEmulator emulator) {
		assertThat(ClearedProperties.cleared).as("the properties were cleared before the extension ran").isTrue();
		assertThat(emulator).isSameAs(FauxqsEmulator.shared());
		assertThat(emulator.springProperties()).isNotEmpty();
		emulator.springProperties()
			.forEach((name, value) -> assertThat(System.getProperty(name)).as(name).isEqualTo(value));
		assertThat(System.getProperty("spring.cloud.aws.endpoint")).isEqualTo(emulator.endpoint());
	}

	/** Clears the emulator's Spring properties before the class and restores what was there after it. */
	static final class ClearedProperties implements BeforeAllCallback, AfterAllCallback {

		static volatile boolean cleared;

		private final Map<String, String> saved = new HashMap<>();

		@Override
		public void beforeAll(ExtensionContext context) {
			for (String name : FauxqsEmulator.shared().springProperties().keySet()) {
				String value = System.clearProperty(name);
				if (value != null) {
					this.saved.put(name, value);
				}
			}
			cleared = true;
		}

		@Override
		public void afterAll(ExtensionContext context) {
			FauxqsEmulator.shared().springProperties().keySet().forEach(System::clearProperty);
			this.saved.forEach(System::setProperty);
		}

	}

}
