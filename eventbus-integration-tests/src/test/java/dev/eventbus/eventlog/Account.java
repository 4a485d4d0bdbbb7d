package dev.eventbus.eventlog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity whose events are read back from the event log. */
@Entity
@Table(name = "eventlog_accounts")
@PublishEvents
public class Account {

	@Id
	private Long id;

	private String owner;

	private int balance;

	protected Account() {
	}

	public Account(Long id, String owner, int balance) {
		this.id = id;
		this.owner = owner;
		this.balance = balance;
	}

	public Long getId() {
		return this.id;
	}

	public void setBalance(int balance) {
		this.balance = balance;
	}

}
