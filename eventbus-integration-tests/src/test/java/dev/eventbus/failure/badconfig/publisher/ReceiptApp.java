package dev.eventbus.failure.badconfig.publisher;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A publisher-only application: one published entity and no listener.
 */
@SpringBootApplication
public class ReceiptApp {

}
