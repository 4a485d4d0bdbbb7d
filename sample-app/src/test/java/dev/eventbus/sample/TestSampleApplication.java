package dev.eventbus.sample;

import dev.eventbus.test.FauxqsEmulator;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample against the fauxqs SNS/SQS emulator, for development:
 * {@code ./mvnw -pl sample-app -am spring-boot:test-run}. Node must be on the PATH; the
 * emulator is stopped with the JVM.
 */
public class TestSampleApplication {

	public static void main(String[] args) {
		FauxqsEmulator.shared().springProperties().forEach(System::setProperty);
		SpringApplication.run(SampleApplication.class, args);
	}

}
