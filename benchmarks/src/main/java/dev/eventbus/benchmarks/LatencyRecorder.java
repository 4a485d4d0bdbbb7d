package dev.eventbus.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Collects latencies in nanoseconds from any thread. */
public final class LatencyRecorder {

	private final List<Long> samples = new ArrayList<>();

	synchronized void record(long nanos) {
		this.samples.add(nanos);
	}

	/**
	 * Takes the samples recorded so far and starts afresh.
	 * @return the samples, in nanoseconds
	 */
	public synchronized List<Long> drain() {
		List<Long> taken = new ArrayList<>(this.samples);
		this.samples.clear();
		return taken;
	}

	/**
	 * How many samples are waiting.
	 * @return the count
	 */
	public synchronized int size() {
		return this.samples.size();
	}

}
