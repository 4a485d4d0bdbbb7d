package dev.eventbus.actuate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A second entity publishing to channel {@code Ledger}. */
@Entity
@Table(name = "ep_ledger_correction")
@PublishEvents("Ledger")
public class LedgerCorrection {

	@Id
	private Long id;

	protected LedgerCorrection() {
	}

	public LedgerCorrection(Long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

}
