package dev.eventbus.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps standard output of print mode ({@code eventbus.topology.print=true}) to the JSON
 * document: no banner, and only errors logged to the console. The settings have the lowest
 * precedence, so an application's own {@code spring.main.banner-mode} or
 * {@code logging.threshold.console} wins.
 */
final class TopologyPrintEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty(EventBusTopologyAutoConfiguration.PRINT, Boolean.class, false)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("eventbusTopologyPrint",
						Map.of("spring.main.banner-mode", "off", "logging.threshold.console", "error")));
		}
	}

}
