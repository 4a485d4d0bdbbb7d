package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8: while the broker cannot be reached the relay keeps the events in the outbox and
 * backs off; it logs one WARN for the outage and one INFO when publishing works again, and
 * then sends everything, each event once and in order.
 */
final class OutboxRelayOutageTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final InMemoryOutboxStore store = new InMemoryOutboxStore();

	private final InMemoryRelayLeases leases = new InMemoryRelayLeases(Clock.systemUTC());

	private final RecordingTransport transport = new RecordingTransport();

	private final OutboxSignal signal = new OutboxSignal();

	private final Logger logger = (Logger) LoggerFactory.getLogger(OutboxRelay.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level level;

	@BeforeEach
	void captureLogs() {
		this.level = this.logger.getLevel();
		this.logger.setLevel(Level.DEBUG);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void restoreLogs() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.level);
	}

	@Test
	void oneWarnForTheOutageOneInfoOnRecoveryNothingLostOrderKept() {
		append(10);
		OutboxRelay relay = RelayChecks.relay(this.store, this.leases, this.transport, this.signal,
				RelayChecks.settings(3, Duration.ofMillis(50), Duration.ofMillis(200)));
		relay.start();
		try {
			await().atMost(TIMEOUT).until(() -> this.store.unpublishedIds().isEmpty());
			this.transport.unreachable(true);
			append(10);
			this.signal.committed();
			await().atMost(TIMEOUT).until(() -> this.transport.unreachableCalls() >= 5);
			append(10);
			this.signal.committed();
			assertThat(this.store.publishedIds()).hasSize(40);
			this.transport.unreachable(false);
			await().atMost(TIMEOUT).until(() -> this.store.unpublishedIds().isEmpty());
		}
		finally {
			relay.stop();
		}
		RelayChecks.assertSentOnceInOrder(this.store, this.transport.sent());
		assertThat(logged(Level.WARN)).singleElement()
			.satisfies((warn) -> assertThat(warn.getFormattedMessage())
				.startsWith("eventbus cannot publish (broker unreachable); events stay in the outbox"));
		assertThat(logged(Level.INFO)).singleElement()
			.satisfies((info) -> assertThat(info.getFormattedMessage()).startsWith("eventbus publishing again after "));
		assertThat(logged(Level.DEBUG)).isNotEmpty()
			.allSatisfy((debug) -> assertThat(debug.getFormattedMessage()).startsWith("eventbus cannot publish, still"));
	}

	private List<ILoggingEvent> logged(Level level) {
		return this.appender.list.stream().filter((event) -> event.getLevel() == level).toList();
	}

	/** One more event of each of 4 entities per round. */
	private void append(int rounds) {
		Instant now = Instant.now();
		for (int round = 0; round < rounds; round++) {
			for (int entity = 0; entity < 4; entity++) {
				this.store.append("order", "e-" + entity, now);
			}
		}
	}

}
