package dev.eventbus.failure.dbstop.publisher;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The publishing service of the database stop test: its outbox lives in a database of its own
 * (the shared PostgreSQL), so the events keep coming while the consumer's database is down.
 */
@SpringBootApplication
public class PublisherApp {

}
