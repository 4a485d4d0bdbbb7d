package dev.eventbus.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: relays share the partitions fairly through their leases, never both relay one
 * partition, take over the partitions of a relay that died once its leases expire, get the
 * partitions of a relay that left at once, and do not give back a partition while one of its
 * events is being sent.
 */
final class PartitionLeasesTests {

	private static final Duration LEASE = Duration.ofSeconds(20);

	private static final Set<Integer> ALL = IntStream.range(0, Partitions.COUNT).boxed().collect(Collectors.toSet());

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final InMemoryRelayLeases storage = new InMemoryRelayLeases(this.clock);

	private final Set<Integer> sendingOfA = ConcurrentHashMap.newKeySet();

	private final PartitionLeases a = new PartitionLeases(this.storage, "a", LEASE, this.sendingOfA::contains);

	private final PartitionLeases b = new PartitionLeases(this.storage, "b", LEASE, (partition) -> false);

	/** Whether b is alive (a relay that died relays nothing, whatever it held last). */
	private boolean bRelays = true;

	@Test
	void aRelayAloneTakesEveryPartition() {
		this.a.round();
		assertThat(this.a.held().partitions()).isEqualTo(ALL);
		assertThat(this.storage.leasedTo("a")).isEqualTo(ALL);
		assertThat(this.a.held().valid(System.nanoTime())).isTrue();
		assertThat(this.a.interval()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void twoRelaysShareThePartitionsEightAndEightNeverHoldingOneBoth() {
		for (int i = 0; i < 6; i++) {
			round(this.a);
			round(this.b);
		}
		assertThat(this.a.held().partitions()).hasSize(8);
		assertThat(this.b.held().partitions()).hasSize(8);
		Set<Integer> both = new HashSet<>(this.a.held().partitions());
		both.addAll(this.b.held().partitions());
		assertThat(both).isEqualTo(ALL);
		assertThat(this.storage.leasedTo("a")).isEqualTo(this.a.held().partitions());
		assertThat(this.storage.leasedTo("b")).isEqualTo(this.b.held().partitions());
	}

	@Test
	void theOtherRelayTakesEveryPartitionOnceTheLeasesOfOneThatDiedExpire() {
		for (int i = 0; i < 6; i++) {
			round(this.a);
			round(this.b);
		}
		assertThat(this.b.held().partitions()).hasSize(8);
		// b dies: it relays and renews no more; its leases stay valid in the storage until they expire
		this.bRelays = false;
		long generation = this.a.held().generation();
		for (int i = 0; i < 4; i++) {
			round(this.a);
			assertThat(this.a.held().partitions()).hasSize(8);
		}
		// now the last lease of b has expired
		round(this.a);
		assertThat(this.a.held().partitions()).isEqualTo(ALL);
		assertThat(this.a.held().generation()).isGreaterThan(generation);
		assertThat(this.storage.relays()).containsExactly("a");
	}

	@Test
	void aRelayThatLeavesGivesItsPartitionsBackAtOnce() {
		for (int i = 0; i < 6; i++) {
			round(this.a);
			round(this.b);
		}
		this.b.leave();
		assertThat(this.b.held().partitions()).isEmpty();
		assertThat(this.storage.leasedTo("b")).isEmpty();
		assertThat(this.storage.relays()).containsExactly("a");
		round(this.a);
		assertThat(this.a.held().partitions()).isEqualTo(ALL);
	}

	@Test
	void aPartitionIsNotGivenBackWhileOneOfItsEventsIsBeingSent() {
		round(this.a);
		assertThat(this.a.held().partitions()).isEqualTo(ALL);
		this.sendingOfA.add(15);
		for (int i = 0; i < 4; i++) {
			round(this.b);
			round(this.a);
		}
		// a stopped relaying the partitions beyond its share at once, but still leases 15
		assertThat(this.a.held().partitions()).hasSize(8).doesNotContain(15);
		assertThat(this.storage.leasedTo("a")).contains(15);
		assertThat(this.b.held().partitions()).hasSize(7).doesNotContain(15);
		this.sendingOfA.remove(15);
		round(this.a);
		assertThat(this.storage.leasedTo("a")).doesNotContain(15);
		round(this.b);
		assertThat(this.b.held().partitions()).hasSize(8).contains(15);
	}

	/** A round a quarter of the lease after the last; no partition is then relayed by both. */
	private void round(PartitionLeases leases) {
		leases.round();
		this.clock.advance(LEASE.dividedBy(4));
		Set<Integer> relayedByB = this.bRelays ? this.b.held().partitions() : Set.of();
		Set<Integer> both = new HashSet<>(this.a.held().partitions());
		both.retainAll(relayedByB);
		assertThat(both).as("partitions relayed by both").isEmpty();
		assertThat(this.a.held().partitions()).as("relayed by a").isSubsetOf(this.storage.leasedTo("a"));
		assertThat(relayedByB).as("relayed by b").isSubsetOf(this.storage.leasedTo("b"));
	}

}
