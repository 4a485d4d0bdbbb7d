package dev.eventbus.net;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity whose payload a {@link dev.eventbus.PayloadMapper} shapes. */
@Entity
@Table(name = "net_badges")
@PublishEvents(value = "NetBadge", exclude = "pin")
public class Badge {

	@Id
	private Long id;

	private String holder;

	private BigDecimal amount;

	private String note;

	private String pin;

	protected Badge() {
	}

	public Badge(Long id, String holder, BigDecimal amount) {
		this.id = id;
		this.holder = holder;
		this.amount = amount;
	}

	public void setHolder(String holder) {
		this.holder = holder;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public void setPin(String pin) {
		this.pin = pin;
	}

}
