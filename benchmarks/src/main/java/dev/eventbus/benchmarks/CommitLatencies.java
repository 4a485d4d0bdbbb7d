package dev.eventbus.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pairs the moment each latency probe's transaction committed with the moment its listener
 * was invoked (both {@link System#nanoTime()} of this JVM), whichever comes first.
 */
public final class CommitLatencies {

	private final Map<String, Long> committed = new ConcurrentHashMap<>();

	private final Map<String, Long> invoked = new ConcurrentHashMap<>();

	void committed(Object id, long nanos) {
		this.committed.put(id.toString(), nanos);
	}

	void invoked(String id, long nanos) {
		this.invoked.putIfAbsent(id, nanos);
	}

	/**
	 * How many committed probes reached the listener.
	 * @return the count
	 */
	int completed() {
		int count = 0;
		for (String id : this.invoked.keySet()) {
			if (this.committed.containsKey(id)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * The latencies of the completed probes, in nanoseconds; forgets everything.
	 * @return the latencies
	 */
	synchronized List<Long> drain() {
		List<Long> latencies = new ArrayList<>();
		this.committed.forEach((id, at) -> {
			Long reached = this.invoked.get(id);
			if (reached != null) {
				latencies.add(reached - at);
			}
		});
		this.committed.clear();
		this.invoked.clear();
		return latencies;
	}

}
