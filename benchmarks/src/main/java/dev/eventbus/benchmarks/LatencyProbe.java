package dev.eventbus.benchmarks;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** The latency benchmark's entity: each commit of one is a probe. */
@Entity
@Table(name = "bench_latency_probes")
@PublishEvents(Channels.LATENCY)
public class LatencyProbe {

	@Id
	private UUID id;

	private String note;

	protected LatencyProbe() {
	}

	public LatencyProbe(UUID id) {
		this.id = id;
		this.note = "latency probe";
	}

	public UUID getId() {
		return this.id;
	}

	public String getNote() {
		return this.note;
	}

}
