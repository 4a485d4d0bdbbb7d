package dev.eventbus.it;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared test beans. */
@Configuration(proxyBeanMethods = false)
class ItConfiguration {

	@Bean
	Received received() {
		return new Received();
	}

}
