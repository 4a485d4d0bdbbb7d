package dev.eventbus.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Range checks of property values that fail start-up naming the property (Spring Boot's
 * analyzer of {@link InvalidConfigurationPropertyValueException} prints the property, the value,
 * the reason and where the value came from).
 */
final class PropertyChecks {

	private PropertyChecks() {
	}

	static void atLeast(String property, int value, int minimum) {
		if (value < minimum) {
			throw new InvalidConfigurationPropertyValueException(property, value, "It must be at least " + minimum);
		}
	}

	static void positive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidConfigurationPropertyValueException(property, value, "It must be longer than zero");
		}
	}

}
