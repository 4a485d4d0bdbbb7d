package dev.eventbus.failure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.eventbus.test.FauxqsEmulator;

/**
 * Starts test applications with {@link SpringApplicationBuilder}. Properties are passed as
 * command-line arguments, which win over the system properties that {@code @EnableFauxqs} sets
 * for the shared emulator.
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
	public static Map<String, String> baseProperties(FauxqsEmulator emulator, String jdbcUrl) {
		return baseProperties(emulator.springProperties(), jdbcUrl);
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
