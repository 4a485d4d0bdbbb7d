package dev.eventbus.roles.publisher;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

import dev.eventbus.PublishEvents;

/**
 * The entity of the publisher-only service; this package is scanned for entities.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class PublisherEntities {

	@Entity(name = "PoInvoice")
	@Table(name = "po_invoices")
	@PublishEvents(exclude = "iban")
	public static class Invoice {

		@Id
		public Long id;

		public String status;

		public String iban;

	}

}
