package dev.eventbus.net;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity that publishes nothing: bulk statements on it always run. */
@Entity
@Table(name = "net_tallies")
public class Tally {

	@Id
	private Long id;

	private long hits;

	protected Tally() {
	}

	public Tally(Long id) {
		this.id = id;
	}

	public long getHits() {
		return this.hits;
	}

}
