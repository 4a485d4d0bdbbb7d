package dev.eventbus.outbox;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: the relay's back-off starts at the first delay, doubles on every further failure
 * and stops at the longest, for pauses ({@link Backoff#next(Duration)}) and for the retries of
 * one event ({@link Backoff#retryAt(int, Instant)}) alike.
 */
final class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));

	@Test
	void nextStartsAtTheFirstDelayAndDoublesUpToTheLongest() {
		Duration delay = this.backoff.next(Duration.ZERO);
		assertThat(delay).isEqualTo(Duration.ofMillis(100));
		delay = this.backoff.next(delay);
		assertThat(delay).isEqualTo(Duration.ofMillis(200));
		delay = this.backoff.next(delay);
		assertThat(delay).isEqualTo(Duration.ofMillis(400));
		delay = this.backoff.next(delay);
		assertThat(delay).isEqualTo(Duration.ofMillis(800));
		delay = this.backoff.next(delay);
		assertThat(delay).isEqualTo(Duration.ofMillis(1000));
		assertThat(this.backoff.next(delay)).isEqualTo(Duration.ofMillis(1000));
	}

	@Test
	void retryAtDoublesWithEveryFailedAttemptUpToTheLongest() {
		Instant now = Instant.parse("2026-12-01T10:00:00Z");
		assertThat(this.backoff.retryAt(0, now)).isEqualTo(now.plusMillis(100));
		assertThat(this.backoff.retryAt(1, now)).isEqualTo(now.plusMillis(200));
		assertThat(this.backoff.retryAt(2, now)).isEqualTo(now.plusMillis(400));
		assertThat(this.backoff.retryAt(3, now)).isEqualTo(now.plusMillis(800));
		assertThat(this.backoff.retryAt(4, now)).isEqualTo(now.plusMillis(1000));
		assertThat(this.backoff.retryAt(Integer.MAX_VALUE, now)).isEqualTo(now.plusMillis(1000));
	}

	@Test
	void aFirstDelayAboveTheLongestIsCapped() {
		Backoff capped = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(2));
		Instant now = Instant.parse("2026-12-01T10:00:00Z");
		assertThat(capped.retryAt(0, now)).isEqualTo(now.plusSeconds(2));
		assertThat(capped.next(Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
		assertThat(capped.next(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
	}

}
