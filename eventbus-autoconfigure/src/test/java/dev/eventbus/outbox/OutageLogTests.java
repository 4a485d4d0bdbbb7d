package dev.eventbus.outbox;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: an outage of the relay is logged once as a WARN when it starts, at DEBUG while it
 * lasts and once as an INFO with its duration when it ends, however many threads report it.
 */
final class OutageLogTests {

	private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final RecordingLog log = new RecordingLog();

	private final OutageLog outage = new OutageLog(this.log, "eventbus cannot publish", "retrying",
			"eventbus publishing again after", this.clock);

	@Test
	void oneWarnWhenItStartsDebugWhileItLastsOneInfoWhenItEnds() {
		this.outage.ended(START, " (nothing to end)");
		assertThat(this.log.entries()).isEmpty();
		this.outage.failed(START, new IllegalStateException("unreachable"), false);
		this.clock.advance(Duration.ofSeconds(1));
		this.outage.failed(this.clock.instant(), new IllegalStateException("still unreachable"), false);
		this.outage.failed(this.clock.instant(), new IllegalStateException("still unreachable"), true);
		this.clock.advance(Duration.ofSeconds(2));
		this.outage.ended(this.clock.instant(), " (5 event(s) in the first batch)");
		this.outage.ended(this.clock.instant(), " (again)");
		assertThat(this.log.entries("WARN")).singleElement().satisfies((warn) -> {
			assertThat(warn.message()).isEqualTo("eventbus cannot publish (unreachable); retrying");
			assertThat(warn.ex()).isNull();
		});
		assertThat(this.log.entries("DEBUG")).hasSize(2)
			.allSatisfy((debug) -> assertThat(debug.message()).startsWith("eventbus cannot publish, still"));
		assertThat(this.log.entries("INFO")).singleElement()
			.satisfies((info) -> assertThat(info.message())
				.isEqualTo("eventbus publishing again after PT3S (5 event(s) in the first batch)"));
	}

	@Test
	void theWarnShowsTheStackTraceWhenAsked() {
		IllegalStateException failure = new IllegalStateException("database down");
		this.outage.failed(START, failure, true);
		assertThat(this.log.entries("WARN")).singleElement()
			.satisfies((warn) -> assertThat(warn.ex()).isSameAs(failure));
	}

	@Test
	void aFailureOfAnAttemptThatStartedBeforeTheRecoveryOpensNoNewOutage() {
		this.outage.failed(START, new IllegalStateException("unreachable"), false);
		this.clock.advance(Duration.ofSeconds(1));
		this.outage.ended(this.clock.instant(), "");
		this.outage.failed(START.plusMillis(500), new IllegalStateException("late report"), false);
		assertThat(this.log.entries("WARN")).hasSize(1);
		assertThat(this.log.entries("INFO")).hasSize(1);
		this.clock.advance(Duration.ofSeconds(1));
		this.outage.failed(this.clock.instant(), new IllegalStateException("down again"), false);
		assertThat(this.log.entries("WARN")).hasSize(2);
		assertThat(this.log.entries("WARN").get(1).message()).contains("down again");
	}

	@Test
	void aSuccessOfAnAttemptThatStartedBeforeTheOutageDoesNotEndIt() {
		Instant inFlight = START.minusMillis(10);
		this.outage.failed(START, new IllegalStateException("unreachable"), false);
		this.clock.advance(Duration.ofMillis(5));
		this.outage.ended(inFlight, " (an attempt under way when the outage began)");
		assertThat(this.log.entries("INFO")).isEmpty();
		this.clock.advance(Duration.ofSeconds(1));
		this.outage.failed(this.clock.instant(), new IllegalStateException("still unreachable"), false);
		assertThat(this.log.entries("WARN")).hasSize(1);
		this.clock.advance(Duration.ofSeconds(1));
		this.outage.ended(this.clock.instant(), "");
		assertThat(this.log.entries("INFO")).singleElement()
			.satisfies((info) -> assertThat(info.message()).isEqualTo("eventbus publishing again after PT2.005S"));
	}

}
