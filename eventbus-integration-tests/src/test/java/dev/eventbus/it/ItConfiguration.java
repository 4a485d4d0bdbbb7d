package dev.eventbus.it;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.eventbus.failure.Deliveries;

/** Shared test beans. */
@Configuration(proxyBeanMethods = false)
class ItConfiguration {

	@Bean
	Deliveries<OrderListeners.Call> received() {
		return new Deliveries<>();
	}

}
