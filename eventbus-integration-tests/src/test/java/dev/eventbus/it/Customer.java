package dev.eventbus.it;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer: not published, referenced by orders. */
@Entity
@Table(name = "it_customers")
public class Customer {

	@Id
	private Long id;

	private String name;

	protected Customer() {
	}

	public Customer(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
