package dev.eventbus.actuate;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the endpoint tests: channels {@code Ledger} (two entities, two listeners)
 * and {@code Refund} (no listener).
 */
@SpringBootApplication
public class EndpointApp {

}
