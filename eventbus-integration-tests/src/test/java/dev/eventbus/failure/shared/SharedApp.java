package dev.eventbus.failure.shared;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the shared-outbox tests: bookings and one listener. Started twice at once
 * under two application names and topic prefixes on one database schema, as two services (or
 * two test contexts) that share a database.
 */
@SpringBootApplication
public class SharedApp {

}
