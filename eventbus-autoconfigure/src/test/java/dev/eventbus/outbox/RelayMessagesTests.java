package dev.eventbus.outbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.eventbus.transport.OutgoingMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Issue 9: what the relay hands the transport for an outbox row. The destination is the
 * row's channel and recorded topic; the {@code publisher} attribute is the one recorded with
 * the row, except for rows recorded before topics were, which get the relaying application's.
 */
final class RelayMessagesTests {

	private final RelayMessages messages = new RelayMessages("relaying-app");

	@Test
	void aRowBecomesAMessageWithItsDestinationOrderingKeyBodyAndAttributes() {
		PendingEvent row = row("shop-Order", "shop");

		OutgoingMessage message = this.messages.of(row);

		assertThat(message.id()).isEqualTo(row.eventId());
		assertThat(message.destination()).isEqualTo(new OutgoingMessage.Destination("Order", "shop-Order"));
		assertThat(message.orderingKey()).isEqualTo("Order:42");
		assertThat(message.body()).isEqualTo("{\"id\":42}");
		assertThat(message.attributes()).containsExactly(entry("channel", "Order"),
				entry("action", "updated"), entry("eventId", row.eventId().toString()),
				entry("publisher", "shop"));
	}

	@Test
	void aRowWithARecordedTopicKeepsItsPublisherOrHasNone() {
		assertThat(this.messages.of(row("shop-Order", "shop")).attributes()).containsEntry("publisher", "shop");
		assertThat(this.messages.of(row("shop-Order", null)).attributes()).doesNotContainKey("publisher");
	}

	@Test
	void aRowWithoutARecordedTopicGetsTheRelayingApplicationsPublisher() {
		OutgoingMessage message = this.messages.of(row(null, "shop"));

		assertThat(message.destination()).isEqualTo(new OutgoingMessage.Destination("Order", null));
		assertThat(message.attributes()).containsEntry("publisher", "relaying-app");
		assertThat(new RelayMessages(null).of(row(null, "shop")).attributes()).doesNotContainKey("publisher");
	}

	private static PendingEvent row(@Nullable String topic, @Nullable String publisher) {
		return new PendingEvent(7, UUID.randomUUID(), "Order", "updated", "42", topic, publisher, "{\"id\":42}", 0,
				Instant.now(), Partitions.of("Order:42"));
	}

}
