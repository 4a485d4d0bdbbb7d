package dev.eventbus.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the benchmark application. Everything lives apart from other tests and other runs: a
 * PostgreSQL schema and topic and queue names of its own, both named after a prefix unique to
 * the run ({@code bench-1a2b3c-}: schema {@code eventbus_bench_1a2b3c}). Observability is off
 * unless a context turns it on ({@link ObservabilityVariant}): the Micrometer and OpenTelemetry
 * auto-configurations on the classpath are excluded, so there is no meter registry, no
 * observation registry and no tracer.
 */
final class BenchmarkContexts {

	static final String SCHEMA_PREFIX = "eventbus_bench_";

	static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/test";

	static final String USER = "postgres";

	/**
	 * Every auto-configuration of Spring Boot's Micrometer and OpenTelemetry modules, comma
	 * separated: excluded unless observability is on.
	 */
	static final String OBSERVABILITY_AUTO_CONFIGURATIONS = ImportCandidates
		.load(AutoConfiguration.class, BenchmarkContexts.class.getClassLoader())
		.getCandidates()
		.stream()
		.filter((name) -> name.startsWith("org.springframework.boot.micrometer.")
				|| name.startsWith("org.springframework.boot.opentelemetry."))
		.collect(Collectors.joining(","));

	private final Map<String, String> awsProperties;

	private final String prefix;

	/**
	 * Creates the factory.
	 * @param awsProperties the Spring properties that point at the emulator
	 * @param prefix the run's prefix of topic and queue names
	 */
	BenchmarkContexts(Map<String, String> awsProperties, String prefix) {
		this.awsProperties = awsProperties;
		this.prefix = prefix;
	}

	String prefix() {
		return this.prefix;
	}

	/**
	 * The same emulator with names of their own: the run's prefix with a suffix
	 * ({@code bench-1a2b3c-} and {@code on} give {@code bench-1a2b3con-}, schema
	 * {@code eventbus_bench_1a2b3con}).
	 * @param suffix letters and digits
	 * @return the factory
	 */
	BenchmarkContexts withSuffix(String suffix) {
		return new BenchmarkContexts(this.awsProperties, this.prefix.substring(0, this.prefix.length() - 1) + suffix + "-");
	}

	Map<String, String> awsProperties() {
		return this.awsProperties;
	}

	/**
	 * Starts the application.
	 * @param extra properties of this context (win over the defaults)
	 * @return the running context
	 */
	ConfigurableApplicationContext start(Map<String, String> extra) {
		Map<String, Object> properties = new LinkedHashMap<>(defaults(this.prefix));
		properties.putAll(this.awsProperties);
		properties.putAll(extra);
		return new SpringApplicationBuilder(BenchmarkApplication.class).properties(properties)
			.registerShutdownHook(false)
			.run();
	}

	static Map<String, String> defaults(String prefix) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.main.web-application-type", "none");
		properties.put("spring.main.log-startup-info", "false");
		properties.put("spring.application.name", "bench");
		properties.put("spring.datasource.url", DATABASE + "?currentSchema=" + schema(prefix));
		properties.put("spring.datasource.username", USER);
		properties.put("spring.jpa.hibernate.ddl-auto", "update");
		properties.put("spring.jpa.open-in-view", "false");
		properties.put("eventbus.outbox.initialize-schema", "always");
		properties.put("spring.cloud.aws.sqs.listener.poll-timeout", "1s");
		properties.put("eventbus.publish.topic-prefix", prefix);
		properties.put("eventbus.consume.queue-prefix", prefix.substring(0, prefix.length() - 1));
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.dev.eventbus.consume", "ERROR");
		properties.put("spring.autoconfigure.exclude", OBSERVABILITY_AUTO_CONFIGURATIONS);
		return properties;
	}

	/**
	 * The schema of a run.
	 * @param prefix the run's prefix, {@code bench-<id>-}
	 * @return the schema name
	 */
	static String schema(String prefix) {
		return SCHEMA_PREFIX + prefix.substring("bench-".length(), prefix.length() - 1);
	}

	String schema() {
		return schema(this.prefix);
	}

	/** Creates the run's schema afresh. */
	void createSchema() {
		sql("drop schema if exists " + schema() + " cascade", "create schema " + schema());
	}

	/** Drops the run's schema. */
	void dropSchema() {
		sql("drop schema if exists " + schema() + " cascade");
	}

	private static void sql(String... statements) {
		try (Connection connection = DriverManager.getConnection(DATABASE, USER, "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + String.join("; ", statements) + "' in " + DATABASE, ex);
		}
	}

}
