package dev.eventbus.failure.crash;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the crash test: ledger entries and one listener. {@link CrashFixture} runs
 * it in a separate JVM that is killed; the test runs it again to relay and consume.
 */
@SpringBootApplication
public class CrashApp {

}
