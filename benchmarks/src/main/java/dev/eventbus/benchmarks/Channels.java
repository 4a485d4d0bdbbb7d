package dev.eventbus.benchmarks;

/** The channels of the benchmark application: the topics the figures send to. */
final class Channels {

	/**
	 * Commit throughput (relay stopped, and relay and listener running), end to end, and the listener
	 * throughput's messages; its no-op listener consumes.
	 */
	static final String ORDER = "BenchOrder";

	/** Relay throughput: a topic without subscribers. */
	static final String RELAY = "BenchRelay";

	/** Latency at steady rates and overload; its listener times each event. */
	static final String LATENCY = "BenchLatency";

	/** Start-up with 50 listeners. */
	static final String STARTUP = "BenchStartup";

	private Channels() {
	}

}
