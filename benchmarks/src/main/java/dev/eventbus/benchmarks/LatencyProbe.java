package dev.eventbus.benchmarks;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/**
 * The latency benchmark's entity: carries the {@link System#nanoTime()} taken just before its
 * transaction commits, which the listener subtracts from its own clock.
 */
@Entity
@Table(name = "bench_latency_probes")
@PublishEvents(Channels.LATENCY)
public class LatencyProbe {

	@Id
	private UUID id;

	private long stamp;

	private String note;

	protected LatencyProbe() {
	}

	public LatencyProbe(UUID id, long stamp) {
		this.id = id;
		this.stamp = stamp;
		this.note = "latency probe";
	}

	public UUID getId() {
		return this.id;
	}

	public long getStamp() {
		return this.stamp;
	}

	public String getNote() {
		return this.note;
	}

}
