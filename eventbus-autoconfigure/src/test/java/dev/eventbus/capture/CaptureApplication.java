package dev.eventbus.capture;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.eventbus.Action;
import dev.eventbus.PublishEvents;

/**
 * Entities for the capture tests, on H2.
 */
@SpringBootApplication
class CaptureApplication {

	@Embeddable
	static class Money {

		BigDecimal amount;

		String currency;

		Money() {
		}

		Money(BigDecimal amount, String currency) {
			this.amount = amount;
			this.currency = currency;
		}

	}

	@Entity(name = "Customer")
	@Table(name = "cap_customers")
	static class Customer {

		@Id
		Long id;

		String name;

	}

	@Entity(name = "Invoice")
	@Table(name = "cap_invoices")
	@PublishEvents(exclude = "iban")
	static class Invoice {

		@Id
		@GeneratedValue
		Long id;

		String status;

		@Embedded
		Money total;

		@ManyToOne(fetch = FetchType.LAZY)
		Customer customer;

		@ElementCollection
		List<String> lines = new ArrayList<>();

		String iban;

		@Lob
		String notes;

		@Version
		Integer version;

	}

	@Entity(name = "Note")
	@Table(name = "cap_notes")
	@PublishEvents(value = "Notes", actions = Action.DELETED)
	static class Note {

		@Id
		@GeneratedValue
		Long id;

		String text;

	}

	@Entity(name = "Plain")
	@Table(name = "cap_plain")
	static class Plain {

		@Id
		@GeneratedValue
		Long id;

		String text;

	}

}
