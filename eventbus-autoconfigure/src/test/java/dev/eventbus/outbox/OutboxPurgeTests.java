package dev.eventbus.outbox;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: the purge deletes only published events older than the retention, and runs at
 * most once a minute.
 */
final class OutboxPurgeTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryOutboxStore store = new InMemoryOutboxStore();

	private final RecordingLog log = new RecordingLog();

	private final OutboxPurge purge = new OutboxPurge(this.store, Duration.ofHours(1), this.clock, this.log);

	@Test
	void deletesOnlyPublishedEventsOlderThanTheRetention() {
		long publishedLongAgo = this.store.append("order", "1", NOW.minus(Duration.ofHours(3)));
		this.store.published(publishedLongAgo, NOW.minus(Duration.ofHours(2)));
		long unpublishedOld = this.store.append("order", "2", NOW.minus(Duration.ofHours(3)));
		long capturedOldPublishedRecently = this.store.append("order", "3", NOW.minus(Duration.ofHours(2)));
		this.store.published(capturedOldPublishedRecently, NOW.minus(Duration.ofMinutes(30)));
		long unpublishedNew = this.store.append("order", "4", NOW.minus(Duration.ofMinutes(1)));
		assertThat(this.purge.runIfDue()).isEqualTo(1);
		assertThat(this.store.ids()).containsExactlyInAnyOrder(unpublishedOld, capturedOldPublishedRecently,
				unpublishedNew);
		assertThat(this.log.entries("DEBUG")).singleElement()
			.satisfies((debug) -> assertThat(debug.message()).contains("purged 1 published event(s)"));
	}

	/** Issue 11, item 7: events kept forever (eventbus.outbox.purge-enabled=false) are never deleted. */
	@Test
	void withoutARetentionNothingIsDeleted() {
		OutboxPurge forever = new OutboxPurge(this.store, null, this.clock, this.log);
		long publishedLongAgo = this.store.append("order", "1", NOW.minus(Duration.ofDays(400)));
		this.store.published(publishedLongAgo, NOW.minus(Duration.ofDays(399)));
		assertThat(forever.runIfDue()).isZero();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(forever.runIfDue()).isZero();
		assertThat(this.store.ids()).containsExactly(publishedLongAgo);
		assertThat(this.purge.runIfDue()).as("the same row with a retention").isOne();
	}

	@Test
	void runsAtMostOnceAMinute() {
		long first = this.store.append("order", "1", NOW.minus(Duration.ofHours(3)));
		this.store.published(first, NOW.minus(Duration.ofHours(2)));
		assertThat(this.purge.runIfDue()).isEqualTo(1);
		long second = this.store.append("order", "2", NOW.minus(Duration.ofHours(3)));
		this.store.published(second, NOW.minus(Duration.ofHours(2)));
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.purge.runIfDue()).isZero();
		assertThat(this.store.ids()).containsExactly(second);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.purge.runIfDue()).isEqualTo(1);
		assertThat(this.store.ids()).isEmpty();
	}

	@Test
	void theRetentionCountsFromEachRun() {
		long row = this.store.append("order", "1", NOW.minus(Duration.ofMinutes(40)));
		this.store.published(row, NOW.minus(Duration.ofMinutes(30)));
		assertThat(this.purge.runIfDue()).isZero();
		this.clock.advance(Duration.ofMinutes(31));
		assertThat(this.purge.runIfDue()).isEqualTo(1);
		assertThat(this.store.ids()).isEmpty();
	}

}
