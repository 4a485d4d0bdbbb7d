package dev.eventbus.failure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.eventbus.test.SnsSqsEndpoint;

/**
 * Starts test applications with {@link SpringApplicationBuilder}. Properties are passed as
 * command-line arguments, which win over system properties and {@code application.properties}
 * ({@code @EnableFauxqs} sets no property: it gives the test class's own Spring context connection
 * details, not these applications, so they name their endpoint here).
 */
public final class TestApps {

	private TestApps() {
	}

	/**
	 * The properties every test application gets: the emulator, the database schema, quiet
	 * start-up.
	 * @param emulator the SNS/SQS endpoint
	 * @param jdbcUrl the database URL (usually of a {@link TestSchema})
	 * @return the properties, modifiable
	 */
	public static Map<String, String> baseProperties(SnsSqsEndpoint emulator, String jdbcUrl) {
		return baseProperties(emulator.springProperties(), jdbcUrl);
	}

	/**
	 * The properties of one test application: the {@linkplain #baseProperties(Map, String) base
	 * properties}, its name, and its name followed by {@code -} as its topic prefix.
	 * @param emulator the SNS/SQS endpoint
	 * @param jdbcUrl the database URL (usually of a {@link TestSchema})
	 * @param application the application's name
	 * @return the properties, modifiable
	 */
	public static Map<String, String> properties(SnsSqsEndpoint emulator, String jdbcUrl, String application) {
		return properties(emulator.springProperties(), jdbcUrl, application);
	}

	/**
	 * The properties of one test application, for any SNS/SQS endpoint (such as moto's).
	 * @param endpoint the Spring properties of the SNS/SQS endpoint
	 * @param jdbcUrl the database URL (usually of a {@link TestSchema})
	 * @param application the application's name
	 * @return the properties, modifiable
	 * @see #properties(SnsSqsEndpoint, String, String)
	 */
	public static Map<String, String> properties(Map<String, String> endpoint, String jdbcUrl, String application) {
		Map<String, String> properties = baseProperties(endpoint, jdbcUrl);
		properties.put("spring.application.name", application);
		properties.put("eventbus.publish.topic-prefix", application + "-");
		return properties;
	}

	/**
	 * The properties every test application gets, for any SNS/SQS endpoint (such as moto's).
	 * @param endpoint the Spring properties of the SNS/SQS endpoint
	 * @param jdbcUrl the database URL (usually of a {@link TestSchema})
	 * @return the properties, modifiable
	 */
	public static Map<String, String> baseProperties(Map<String, String> endpoint, String jdbcUrl) {
		Map<String, String> properties = new LinkedHashMap<>(endpoint);
		properties.put("spring.datasource.url", jdbcUrl);
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.jpa.hibernate.ddl-auto", "create-drop");
		properties.put("spring.cloud.aws.sqs.listener.poll-timeout", "1s");
		properties.put("eventbus.outbox.poll-interval", "200ms");
		return properties;
	}

	/**
	 * Starts an application.
	 * @param application the {@code @SpringBootConfiguration} class
	 * @param properties the properties
	 * @return the running context
	 */
	public static ConfigurableApplicationContext run(Class<?> application, Map<String, String> properties) {
		return new SpringApplicationBuilder(application).run(args(properties));
	}

	public static String[] args(Map<String, String> properties) {
		List<String> args = new ArrayList<>();
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		return args.toArray(String[]::new);
	}

}
