package dev.eventbus.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How much a run measures. {@code smoke} takes seconds and only keeps the harness working (CI);
 * {@code full} gives the published numbers.
 *
 * @param name the profile name
 * @param warmupRounds rounds run first and not counted
 * @param rounds rounds counted (medians over these)
 * @param longRounds rounds counted by the figures whose round takes a minute or more (live
 * commit, end to end, overload); one more runs first as warm-up
 * @param commitDuration how long each side of a commit round with the relay stopped runs
 * @param liveCommitDuration how long each side of a commit round with the relay and a listener
 * running commits
 * @param commitThreads threads committing at once (also the threads that pace the latency and
 * overload rounds)
 * @param endToEndSaves saves per side of an end-to-end round
 * @param relayBacklog outbox rows per relay round (and messages of the raw batch loop)
 * @param singlePublishes messages of the raw one-at-a-time loop per round
 * @param listenerMessages messages per listener round
 * @param latencyRates the steady rates of the latency figures, events per second
 * @param latencyDuration how long each side of a latency round sends
 * @param overloadRate the rate offered in the overload round, events per second
 * @param overloadDuration how long the overload rate is offered
 * @param memoryBacklog outbox rows relayed in the memory figure's JVM
 * @param memoryTimeout longest time the memory figure's JVM may take
 * @param startupRounds start-up rounds counted (one more runs first as warm-up)
 */
public record Profile(String name, int warmupRounds, int rounds, int longRounds, Duration commitDuration,
		Duration liveCommitDuration, int commitThreads, int endToEndSaves, int relayBacklog, int singlePublishes,
		int listenerMessages, List<Integer> latencyRates, Duration latencyDuration, int overloadRate,
		Duration overloadDuration, int memoryBacklog, Duration memoryTimeout, int startupRounds) {

	/** Seconds per figure: keeps the harness working in CI. */
	public static final Profile SMOKE = new Profile("smoke", 1, 1, 1, Duration.ofSeconds(1), Duration.ofSeconds(1), 8,
			500, 1_000, 200, 500, List.of(100, 500), Duration.ofSeconds(1), 1_500, Duration.ofSeconds(1), 10_000,
			Duration.ofMinutes(2), 1);

	/** The published numbers (30-40 minutes on a 2-core machine). */
	public static final Profile FULL = new Profile("full", 1, 5, 3, Duration.ofSeconds(5), Duration.ofSeconds(20), 8,
			20_000, 30_000, 3_000, 10_000, List.of(100, 500), Duration.ofSeconds(6), 1_500, Duration.ofSeconds(10),
			1_000_000, Duration.ofMinutes(12), 3);

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
		return new Profile(this.name, this.warmupRounds, this.rounds, this.longRounds, this.commitDuration,
				this.liveCommitDuration, this.commitThreads, this.endToEndSaves, relay, this.singlePublishes,
				this.listenerMessages, this.latencyRates, this.latencyDuration, this.overloadRate,
				this.overloadDuration, memory, this.memoryTimeout, this.startupRounds);
	}

	/**
	 * Warm-up and counted rounds together.
	 * @return the number of rounds to run
	 */
	public int totalRounds() {
		return this.warmupRounds + this.rounds;
	}

	/**
	 * Warm-up and counted rounds together, for the long figures.
	 * @return the number of rounds to run
	 */
	public int totalLongRounds() {
		return this.warmupRounds + this.longRounds;
	}

}
