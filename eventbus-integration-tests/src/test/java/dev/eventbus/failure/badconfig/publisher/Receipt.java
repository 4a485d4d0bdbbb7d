package dev.eventbus.failure.badconfig.publisher;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** The published entity of {@link ReceiptApp}. */
@Entity
@Table(name = "fx_po_receipt")
@PublishEvents("Receipt")
public class Receipt {

	@Id
	private Long id;

	protected Receipt() {
	}

	public Long getId() {
		return this.id;
	}

}
