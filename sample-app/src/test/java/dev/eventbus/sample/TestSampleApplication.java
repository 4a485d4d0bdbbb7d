package dev.eventbus.sample;

import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.eventbus.test.FauxqsEmulator;

/**
 * Runs the sample against the fauxqs SNS/SQS emulator, for development:
 * {@code ./mvnw -pl sample-app -am spring-boot:test-run}. Node and npm must be on the PATH; the
 * emulator is installed on first use and stopped with the JVM. Spring Cloud AWS is pointed at it
 * with connection details, as {@code @EnableFauxqs} does in tests: no property is overridden.
 */
public class TestSampleApplication {

	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main).with(FauxqsConnection.class).run(args);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FauxqsConnection {

		@Bean
		AwsConnectionDetails fauxqsConnectionDetails() {
			return FauxqsEmulator.shared().connectionDetails();
		}

	}

}
