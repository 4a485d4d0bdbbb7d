package dev.eventbus.autoconfigure.typo;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

import dev.eventbus.PublishEvents;

/**
 * An entity whose {@code exclude} misspells the attribute it is meant to hide.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class TypoConfiguration {

	@Entity(name = "Card")
	@Table(name = "ac_cards")
	@PublishEvents(exclude = { "cardNumbr", "holder" })
	public static class Card {

		@Id
		public Long id;

		public String holder;

		public String cardNumber;

	}

}
