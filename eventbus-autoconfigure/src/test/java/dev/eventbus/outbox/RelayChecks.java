package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.eventbus.transport.OutgoingMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the relay tests share: relay settings and the check that every event was sent exactly
 * once, each entity's events in id order.
 */
final class RelayChecks {

	private RelayChecks() {
	}

	static OutboxRelay.RelaySettings settings(int workers, Duration retryDelay, Duration maxRetryDelay) {
		return new OutboxRelay.RelaySettings(Duration.ofMillis(50), 20, retryDelay, maxRetryDelay, Duration.ofHours(1),
				Duration.ofSeconds(2), workers, Duration.ofSeconds(1));
	}

	static OutboxRelay relay(InMemoryOutboxStore store, RelayLeases leases, RecordingTransport transport,
			OutboxSignal signal, OutboxRelay.RelaySettings settings) {
		return new OutboxRelay(store, leases, transport, "tests", signal, settings, Clock.systemUTC());
	}

	/**
	 * Checks that every row of the store was sent exactly once, the rows of each ordering key
	 * in id order, and that every row is published.
	 * @param store the outbox
	 * @param sent the events sent, in the order sent
	 */
	static void assertSentOnceInOrder(InMemoryOutboxStore store, List<OutgoingMessage> sent) {
		assertThat(sent).extracting(OutgoingMessage::id).doesNotHaveDuplicates();
		assertThat(sent).extracting((message) -> store.rowId(message.id()))
			.containsExactlyInAnyOrderElementsOf(store.ids());
		Map<String, List<Long>> byKey = new HashMap<>();
		for (OutgoingMessage message : sent) {
			byKey.computeIfAbsent(message.orderingKey(), (key) -> new ArrayList<>()).add(store.rowId(message.id()));
		}
		byKey.forEach((key, ids) -> assertThat(ids).as("ids sent for %s", key).isSorted());
		assertThat(store.unpublishedIds()).isEmpty();
		assertThat(store.publishedIds()).doesNotHaveDuplicates();
		Map<Long, String> keys = store.orderingKeys();
		for (OutgoingMessage message : sent) {
			assertThat(message.orderingKey()).isEqualTo(keys.get(store.rowId(message.id())));
		}
	}

}
