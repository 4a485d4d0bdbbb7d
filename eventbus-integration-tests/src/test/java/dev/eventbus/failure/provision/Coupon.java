package dev.eventbus.failure.provision;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity. */
@Entity
@Table(name = "fx_prov_coupon")
@PublishEvents("Coupon")
public class Coupon {

	@Id
	private Long id;

	private String code;

	protected Coupon() {
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

}
