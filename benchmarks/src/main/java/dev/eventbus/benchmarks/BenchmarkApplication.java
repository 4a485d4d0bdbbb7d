package dev.eventbus.benchmarks;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application under measurement: the entities and listeners of this package. Started by the
 * harness with the properties of each figure (see {@link BenchmarkContexts}).
 */
@SpringBootApplication
public class BenchmarkApplication {

}
