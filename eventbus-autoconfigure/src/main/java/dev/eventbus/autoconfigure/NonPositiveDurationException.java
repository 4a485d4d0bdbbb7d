package dev.eventbus.autoconfigure;

import java.time.Duration;

/**
 * An eventbus duration property that must be greater than zero is zero or negative.
 */
public class NonPositiveDurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final transient Duration value;

	NonPositiveDurationException(String property, Duration value) {
		super(property + " is " + value + ", but it must be greater than zero");
		this.property = property;
		this.value = value;
	}

	/**
	 * Fails if a duration is not greater than zero.
	 * @param property the property's full name
	 * @param value its value
	 * @return the value
	 * @throws NonPositiveDurationException if it is zero or negative
	 */
	static Duration require(String property, Duration value) {
		if (value.isZero() || value.isNegative()) {
			throw new NonPositiveDurationException(property, value);
		}
		return value;
	}

	/**
	 * The property.
	 * @return its full name, such as {@code eventbus.metrics.outbox-interval}
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * The value that was set.
	 * @return the duration
	 */
	public Duration getValue() {
		return this.value;
	}

}
