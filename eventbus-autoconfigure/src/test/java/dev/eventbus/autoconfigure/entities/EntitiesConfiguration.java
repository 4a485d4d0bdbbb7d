package dev.eventbus.autoconfigure.entities;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.Table;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

import dev.eventbus.PublishEvents;

/**
 * Valid {@code @PublishEvents} entities for the context-runner tests: the package of this
 * configuration is scanned for entities.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class EntitiesConfiguration {

	@Entity(name = "Shipment")
	@Table(name = "ac_shipments")
	@PublishEvents(exclude = "trackingSecret")
	public static class Shipment {

		@Id
		@GeneratedValue
		public Long id;

		public String status;

		public String trackingSecret;

	}

	/** The excluded attribute exists only on one subclass: valid, it is excluded there. */
	@Entity(name = "Payment")
	@Table(name = "ac_payments")
	@Inheritance
	@PublishEvents(exclude = "cardNumber")
	public static class Payment {

		@Id
		@GeneratedValue
		public Long id;

		public String amount;

	}

	@Entity(name = "CardPayment")
	@DiscriminatorValue("card")
	public static class CardPayment extends Payment {

		public String cardNumber;

	}

	@Entity(name = "BankPayment")
	@DiscriminatorValue("bank")
	public static class BankPayment extends Payment {

		public String bank;

	}

	/** A composite id as an @IdClass: its attributes are attributes of the entity. */
	@Entity(name = "Line")
	@Table(name = "ac_lines")
	@IdClass(LineId.class)
	@PublishEvents(exclude = "lineNo")
	public static class Line {

		@Id
		public Long orderId;

		@Id
		public Integer lineNo;

		public String product;

	}

	public record LineId(Long orderId, Integer lineNo) {
	}

}
