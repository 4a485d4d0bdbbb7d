package dev.eventbus.test;

import org.jspecify.annotations.Nullable;

/**
 * The settings of the test support that come from a system property or, when it is not set, an environment
 * variable (system properties win so that one run can override what the machine sets).
 */
final class EmulatorSettings {

	/** An SNS/SQS endpoint to use instead of starting fauxqs. */
	static final String ENDPOINT_PROPERTY = "eventbus.test.aws-endpoint";

	/** The variable of {@link #ENDPOINT_PROPERTY}. */
	static final String ENDPOINT_ENV = "EVENTBUS_TEST_AWS_ENDPOINT";

	/** The port of the shared fauxqs emulator. */
	static final String PORT_PROPERTY = "eventbus.test.fauxqs-port";

	/** The variable of {@link #PORT_PROPERTY}. */
	static final String PORT_ENV = "EVENTBUS_TEST_FAUXQS_PORT";

	private EmulatorSettings() {
	}

	/** The port of {@code eventbus.test.fauxqs-port} (or its variable), 0 when not set. */
	static int fixedPort() {
		String value = setting(PORT_PROPERTY, PORT_ENV);
		if (value == null) {
			return 0;
		}
		try {
			int port = Integer.parseInt(value);
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalStateException("The fauxqs port '" + value + "' (-D" + PORT_PROPERTY + " or " + PORT_ENV
				+ ") is not a port number between 1 and 65535");
	}

	static @Nullable String setting(String property, String env) {
		String value = System.getProperty(property);
		if (isBlank(value)) {
			value = System.getenv(env);
		}
		return isBlank(value) ? null : value.trim();
	}

	static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
