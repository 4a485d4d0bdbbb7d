package dev.eventbus.benchmarks;

/** The channels of the benchmark application; each figure has its own topic. */
final class Channels {

	/** Commit throughput (relay stopped) and the listener throughput's messages. */
	static final String ORDER = "BenchOrder";

	/** Relay throughput: a topic without subscribers. */
	static final String RELAY = "BenchRelay";

	/** End-to-end latency. */
	static final String LATENCY = "BenchLatency";

	/** Start-up with 50 listeners. */
	static final String STARTUP = "BenchStartup";

	private Channels() {
	}

}
