package dev.eventbus.failure.dbstop.consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The consuming service of the database stop test: two listeners that need its database.
 */
@SpringBootApplication
public class ConsumerApp {

}
