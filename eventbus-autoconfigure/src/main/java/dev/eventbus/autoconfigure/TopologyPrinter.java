package dev.eventbus.autoconfigure;

import java.io.PrintStream;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Print mode ({@code eventbus.topology.print=true}): once the application has started (without
 * provisioning, relay or listener containers), prints the topology document as JSON to standard
 * output, closes the context and exits the JVM with status 0.
 */
final class TopologyPrinter implements ApplicationRunner, Ordered {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final TopologySource topology;

	private final ConfigurableApplicationContext context;

	private final PrintStream out;

	TopologyPrinter(TopologySource topology, ConfigurableApplicationContext context, PrintStream out) {
		this.topology = topology;
		this.context = context;
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.out.println(JSON.writeValueAsString(this.topology.get()));
		this.out.flush();
		System.exit(SpringApplication.exit(this.context, () -> 0));
	}

	@Override
	public int getOrder() {
		// before the application's own runners: they may need what print mode does not start
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
