package dev.eventbus.autoconfigure.noaction;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

import dev.eventbus.PublishEvents;

/**
 * An entity that publishes no action.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class NoActionConfiguration {

	@Entity(name = "Silent")
	@Table(name = "ac_silent")
	@PublishEvents(actions = {})
	public static class Silent {

		@Id
		public Long id;

	}

}
