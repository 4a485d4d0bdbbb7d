package dev.eventbus.benchmarks;

import java.time.Duration;

/**
 * How much a run measures. {@code smoke} takes seconds and only keeps the harness working (CI);
 * {@code full} gives the published numbers.
 *
 * @param name the profile name
 * @param warmupRounds rounds run first and not counted
 * @param rounds rounds counted (medians over these)
 * @param commitDuration how long each side of a commit round runs
 * @param commitThreads threads committing at once
 * @param relayBacklog outbox rows per relay round (and messages of the raw batch loop)
 * @param singlePublishes messages of the raw one-at-a-time loop per round
 * @param listenerMessages messages per listener round
 * @param latencyRate events per second in the latency rounds
 * @param latencyDuration how long each side of a latency round sends
 * @param memoryBacklog outbox rows relayed in the memory figure's JVM
 * @param memoryTimeout longest time the memory figure's JVM may take
 * @param startupRounds start-up rounds counted (one more runs first as warm-up)
 */
public record Profile(String name, int warmupRounds, int rounds, Duration commitDuration, int commitThreads,
		int relayBacklog, int singlePublishes, int listenerMessages, int latencyRate, Duration latencyDuration,
		int memoryBacklog, Duration memoryTimeout, int startupRounds) {

	/** Seconds per figure: keeps the harness working in CI. */
	public static final Profile SMOKE = new Profile("smoke", 1, 1, Duration.ofSeconds(1), 8, 1_000, 200, 500, 50,
			Duration.ofSeconds(1), 10_000, Duration.ofMinutes(2), 1);

	/** The published numbers (about ten minutes on a 2-core machine). */
	public static final Profile FULL = new Profile("full", 1, 5, Duration.ofSeconds(5), 8, 30_000, 3_000, 10_000, 100,
			Duration.ofSeconds(6), 1_000_000, Duration.ofMinutes(12), 3);

	/**
	 * The profile of a name.
	 * @param name {@code smoke} or {@code full}
	 * @return the profile
	 */
	public static Profile named(String name) {
		Profile profile = switch (name) {
			case "smoke" -> SMOKE;
			case "full" -> FULL;
			default -> throw new IllegalArgumentException("Unknown benchmark profile '" + name + "' (smoke or full)");
		};
		return profile.withBacklogs(Integer.getInteger("benchmark.relay-backlog", profile.relayBacklog),
				Integer.getInteger("benchmark.memory-backlog", profile.memoryBacklog));
	}

	/**
	 * This profile with other backlog sizes ({@code -Dbenchmark.relay-backlog},
	 * {@code -Dbenchmark.memory-backlog}), for comparing versions whose relay is slow.
	 * @param relay rows per relay round
	 * @param memory rows of the memory figure
	 * @return the profile
	 */
	public Profile withBacklogs(int relay, int memory) {
		return new Profile(this.name, this.warmupRounds, this.rounds, this.commitDuration, this.commitThreads, relay,
				this.singlePublishes, this.listenerMessages, this.latencyRate, this.latencyDuration, memory,
				this.memoryTimeout, this.startupRounds);
	}

	/**
	 * Warm-up and counted rounds together.
	 * @return the number of rounds to run
	 */
	public int totalRounds() {
		return this.warmupRounds + this.rounds;
	}

}
