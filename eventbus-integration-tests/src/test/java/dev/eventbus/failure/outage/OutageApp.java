package dev.eventbus.failure.outage;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the broker outage test: parcels and one listener.
 */
@SpringBootApplication
public class OutageApp {

}
