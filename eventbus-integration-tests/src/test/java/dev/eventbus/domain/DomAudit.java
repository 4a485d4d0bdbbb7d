package dev.eventbus.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A table (not published) that a plain JDBC transaction writes next to its event. */
@Entity
public class DomAudit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String note;

	protected DomAudit() {
	}

}
