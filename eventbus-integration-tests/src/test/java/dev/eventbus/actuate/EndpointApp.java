package dev.eventbus.actuate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the endpoint tests: channels {@code Ledger} (two entities, two listeners)
 * and {@code Refund} (no listener).
 */
@SpringBootApplication
public class EndpointApp {

	/**
	 * Runs the application (print mode runs it in a JVM of its own).
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(EndpointApp.class, args);
	}

}
