package dev.eventbus.failure.poison;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the poison and spoofing tests: items and gadgets, one listener each.
 */
@SpringBootApplication
public class PoisonApp {

}
