package dev.eventbus.domain;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.eventbus.failure.Deliveries;

/**
 * Issue 11: an application that publishes domain events with {@link dev.eventbus.EventBus}, next
 * to the events of an entity, and listens to them.
 */
@SpringBootApplication
public class DomainApplication {

	@Bean
	Deliveries<Received> received() {
		return new Deliveries<>();
	}

}
