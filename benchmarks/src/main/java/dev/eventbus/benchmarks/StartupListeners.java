package dev.eventbus.benchmarks;

import java.util.Map;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

/**
 * Fifty listeners for the start-up figure: fifty beans of {@link StartupListener}, named
 * {@code s01} to {@code s50}. A listener's id is its bean name and method name ({@code s01-on}),
 * so each one gets its own queue, dead-letter queue and subscription provisioned and its
 * container started. Present only with {@code bench.startup-listeners=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("bench.startup-listeners")
public class StartupListeners {

	/** How many listeners this registers. */
	public static final int COUNT = 50;

	@Bean
	static BeanDefinitionRegistryPostProcessor startupListenerDefinitions() {
		return new Definitions();
	}

	/** Registers the {@link #COUNT} bean definitions. */
	static final class Definitions implements BeanDefinitionRegistryPostProcessor {

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			for (int i = 1; i <= COUNT; i++) {
				String name = String.format("s%02d", i);
				registry.registerBeanDefinition(name, new RootBeanDefinition(StartupListener.class));
			}
		}

	}

	/** One listener of the start-up channel that does nothing. */
	public static final class StartupListener {

		@Listener(Channels.STARTUP)
		void on(EntityEvent<Map<String, Object>> event) {
		}

	}

}
