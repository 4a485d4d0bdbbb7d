package dev.eventbus.failure.badconfig.plain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** A published entity. */
@Entity
@Table(name = "fx_bad_memo")
@PublishEvents("Memo")
public class Memo {

	@Id
	private Long id;

	private String text;

	protected Memo() {
	}

	public Long getId() {
		return this.id;
	}

	public String getText() {
		return this.text;
	}

}
