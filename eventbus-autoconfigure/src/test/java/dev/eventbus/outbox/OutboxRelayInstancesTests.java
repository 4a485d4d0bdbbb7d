package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * Issue 8: two relays (two application instances) on one outbox share its partitions and
 * send every event exactly once overall, the events of each entity in order, while the
 * partitions move from the first to the second.
 */
final class OutboxRelayInstancesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final InMemoryOutboxStore store = new InMemoryOutboxStore();

	private final InMemoryRelayLeases leases = new InMemoryRelayLeases(Clock.systemUTC());

	private final RecordingTransport transport = new RecordingTransport();

	@Test
	void twoRelaysSendEveryEventOnceInOrder() throws InterruptedException {
		OutboxSignal firstSignal = new OutboxSignal();
		OutboxSignal secondSignal = new OutboxSignal();
		OutboxRelay first = RelayChecks.relay(this.store, this.leases, this.transport, firstSignal,
				RelayChecks.settings(2, Duration.ofMillis(50), Duration.ofMillis(200)));
		OutboxRelay second = RelayChecks.relay(this.store, this.leases, this.transport, secondSignal,
				RelayChecks.settings(2, Duration.ofMillis(50), Duration.ofMillis(200)));
		first.start();
		try {
			append();
			firstSignal.committed();
			Thread.sleep(100);
			second.start();
			// partitions move to the second relay while events keep coming
			long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			while (System.nanoTime() - end < 0) {
				append();
				firstSignal.committed();
				secondSignal.committed();
				Thread.sleep(50);
			}
			await().atMost(TIMEOUT).until(() -> this.store.unpublishedIds().isEmpty());
			await().atMost(TIMEOUT).until(() -> this.leases.relays().size() == 2 && shares().equals(Set.of(8)));
		}
		finally {
			try {
				second.stop();
			}
			finally {
				first.stop();
			}
		}
		RelayChecks.assertSentOnceInOrder(this.store, this.transport.sent());
	}

	/** How many partitions each relay leases. */
	private Set<Integer> shares() {
		Set<Integer> sizes = new HashSet<>();
		for (String owner : this.leases.relays()) {
			sizes.add(this.leases.leasedTo(owner).size());
		}
		return sizes;
	}

	private void append() {
		Instant now = Instant.now();
		for (int entity = 0; entity < 40; entity++) {
			this.store.append("order", "e-" + entity, now);
		}
	}

}
