package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8: the relay sends every event once, the events of each entity in id order, with any
 * number of senders; a failed event holds back the later events of its entity, and only
 * those, until its retry succeeds, and is not retried before its back-off.
 */
final class OutboxRelayOrderingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final InMemoryOutboxStore store = new InMemoryOutboxStore();

	private final InMemoryRelayLeases leases = new InMemoryRelayLeases(Clock.systemUTC());

	private final RecordingTransport transport = new RecordingTransport();

	private final OutboxSignal signal = new OutboxSignal();

	@ParameterizedTest
	@ValueSource(ints = { 2, 3, 4 })
	void everyEventIsSentOnceAndTheEventsOfEachEntityInOrder(int workers) throws InterruptedException {
		appendRound();
		OutboxRelay relay = RelayChecks.relay(this.store, this.leases, this.transport, this.signal,
				RelayChecks.settings(workers, Duration.ofMillis(50), Duration.ofMillis(200)));
		relay.start();
		try {
			for (int round = 1; round < 5; round++) {
				Thread.sleep(20);
				appendRound();
				this.signal.committed();
			}
			await().atMost(TIMEOUT).until(() -> this.store.unpublishedIds().isEmpty());
		}
		finally {
			relay.stop();
		}
		assertThat(this.store.ids()).hasSize(5 * 100 * 2);
		RelayChecks.assertSentOnceInOrder(this.store, this.transport.sent());
		assertThat(this.transport.attempts()).allMatch(RecordingTransport.Attempt::sent);
	}

	@Test
	void aFailedEventHoldsBackItsEntityOnlyAndIsRetriedAfterItsBackoff() {
		Duration retryDelay = Duration.ofMillis(100);
		Duration maxRetryDelay = Duration.ofMillis(400);
		Instant now = Instant.now();
		long failing = this.store.append("order", "failing", now);
		List<Long> later = List.of(this.store.append("order", "failing", now),
				this.store.append("order", "failing", now));
		this.transport.fail(this.store.eventId(failing), Integer.MAX_VALUE);
		List<Long> others = new ArrayList<>();
		for (int entity = 0; entity < 20; entity++) {
			for (int event = 0; event < 3; event++) {
				others.add(this.store.append("order", "other-" + entity, now));
			}
		}
		OutboxRelay relay = RelayChecks.relay(this.store, this.leases, this.transport, this.signal,
				RelayChecks.settings(2, retryDelay, maxRetryDelay));
		relay.start();
		try {
			await().atMost(TIMEOUT).until(() -> this.store.unpublishedIds().size() == 3
					&& this.transport.attemptsOf(this.store.eventId(failing)).size() >= 4);
			assertThat(this.store.unpublishedIds()).containsExactly(failing, later.get(0), later.get(1));
			assertThat(this.store.publishedIds()).containsExactlyInAnyOrderElementsOf(others);
			assertThat(this.store.attempts(failing)).isGreaterThanOrEqualTo(3);
			assertThat(this.store.lastError(failing)).isEqualTo("rejected");
			this.transport.fail(this.store.eventId(failing), 0);
			await().atMost(TIMEOUT).until(() -> this.store.unpublishedIds().isEmpty());
		}
		finally {
			relay.stop();
		}
		RelayChecks.assertSentOnceInOrder(this.store, this.transport.sent());
		List<RecordingTransport.Attempt> attempts = this.transport.attemptsOf(this.store.eventId(failing));
		assertThat(attempts).last().matches(RecordingTransport.Attempt::sent);
		assertThat(attempts.subList(0, attempts.size() - 1)).noneMatch(RecordingTransport.Attempt::sent);
		Duration expected = retryDelay;
		for (int i = 1; i < attempts.size(); i++) {
			Duration waited = Duration.between(attempts.get(i - 1).at(), attempts.get(i).at());
			assertThat(waited).as("wait before attempt %d", i + 1).isGreaterThanOrEqualTo(expected);
			expected = expected.multipliedBy(2).compareTo(maxRetryDelay) < 0 ? expected.multipliedBy(2) : maxRetryDelay;
		}
		// the later events of the entity were never sent before the failed one
		List<Long> sentOfEntity = this.transport.sent()
			.stream()
			.filter((message) -> message.orderingKey().equals("order:failing"))
			.map((message) -> this.store.rowId(message.id()))
			.toList();
		assertThat(sentOfEntity).containsExactly(failing, later.get(0), later.get(1));
	}

	/** Two more events of each of 100 entities. */
	@Test
	void eventsBeingSentWhenASlowReadStartsAreNotSentAgain() throws InterruptedException {
		this.store.readTime(Duration.ofMillis(30));
		OutboxRelay relay = RelayChecks.relay(this.store, this.leases, this.transport, this.signal,
				RelayChecks.settings(2, Duration.ofMillis(50), Duration.ofMillis(200)));
		relay.start();
		try {
			for (int round = 0; round < 10; round++) {
				appendRound();
				this.signal.committed();
				Thread.sleep(20);
			}
			await().atMost(TIMEOUT).until(() -> this.store.unpublishedIds().isEmpty());
		}
		finally {
			relay.stop();
		}
		RelayChecks.assertSentOnceInOrder(this.store, this.transport.sent());
	}

	private void appendRound() {
		Instant now = Instant.now();
		for (int entity = 0; entity < 100; entity++) {
			String channel = (entity % 2 == 0) ? "order" : "customer";
			this.store.append(channel, "e-" + entity, now);
			this.store.append(channel, "e-" + entity, now);
		}
	}

}
