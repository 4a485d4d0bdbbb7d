package dev.eventbus.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application under test: a few entities and listeners in this package.
 */
@SpringBootApplication
public class ItApplication {

}
