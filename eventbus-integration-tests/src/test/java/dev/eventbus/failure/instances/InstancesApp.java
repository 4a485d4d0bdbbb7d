package dev.eventbus.failure.instances;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the several-instances test: tickets and two listeners, run twice at once.
 */
@SpringBootApplication
public class InstancesApp {

}
