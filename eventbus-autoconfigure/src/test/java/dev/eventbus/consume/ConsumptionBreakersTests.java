package dev.eventbus.consume;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.awspring.cloud.sqs.listener.backpressure.BackPressureHandler.ReleaseReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, item 2: the breaker shared by the listeners, and the gate in front of each
 * listener's polling.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsumptionBreakersTests {

	private final AtomicBoolean databaseUp = new AtomicBoolean();

	private final AtomicInteger probes = new AtomicInteger();

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final ConsumptionBreakers breakers = new ConsumptionBreakers(
			new ConsumptionBreakers.Settings(Duration.ofMillis(50), Duration.ofMillis(200)), probes(), this.events::add);

	private final ConsumptionBreaker database = this.breakers.breaker(OutageCause.DATABASE);

	@AfterEach
	void close() {
		this.breakers.close();
	}

	@Test
	void oneWarningOpensTheBreakerOnceWhateverTheNumberOfFailures(CapturedOutput output) {
		for (int i = 0; i < 20; i++) {
			this.database.failed("listener-" + (i % 3), new CannotGetJdbcConnectionException("down"));
		}
		assertThat(this.database.state()).isEqualTo(ConsumptionBreaker.State.OPEN);
		assertThat(this.breakers.isPaused()).isTrue();
		assertThat(this.breakers.breaker(OutageCause.AWS).state()).isEqualTo(ConsumptionBreaker.State.CLOSED);
		assertThat(output.getAll().lines().filter((line) -> line.contains("WARN"))).hasSize(1);
		assertThat(this.events).singleElement().isInstanceOf(ConsumptionBreakers.Paused.class);
	}

	@Test
	void probesWithBackOffWhileTheDependencyIsDownAndGoesHalfOpenWhenItAnswers() {
		this.database.failed("listener", new CannotGetJdbcConnectionException("down"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.probes.get() >= 4);
		assertThat(this.database.state()).isEqualTo(ConsumptionBreaker.State.OPEN);
		this.databaseUp.set(true);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.database.state() == ConsumptionBreaker.State.HALF_OPEN);
	}

	@Test
	void theFirstMessageHandledWhileHalfOpenClosesTheBreakerWithOneInfo(CapturedOutput output)
			throws InterruptedException {
		ListenerGate gate = new ListenerGate("listener", this.breakers, true);
		gate.failed(OutageCause.DATABASE, new CannotGetJdbcConnectionException("down"));
		gate.released(1, ReleaseReason.PROCESSED);
		assertThat(gate.request(() -> 10, () -> 1)).as("permits while open").isZero();
		this.databaseUp.set(true);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.database.state() == ConsumptionBreaker.State.HALF_OPEN);

		assertThat(gate.request(() -> 10, () -> 1)).as("the one trial message").isEqualTo(1);
		assertThat(gate.request(() -> 10, () -> 1)).as("nothing more until the trial ends").isZero();
		gate.released(0, ReleaseReason.PARTIAL_FETCH);
		gate.released(1, ReleaseReason.PROCESSED);

		assertThat(this.database.state()).isEqualTo(ConsumptionBreaker.State.CLOSED);
		assertThat(gate.request(() -> 10, () -> 1)).as("permits once closed").isEqualTo(10);
		assertThat(output.getAll().lines().filter((line) -> line.contains("consume again after"))).hasSize(1);
		assertThat(this.events).hasSize(2).last().isInstanceOf(ConsumptionBreakers.Resumed.class);
	}

	@Test
	void theReturnedPermitOfADeliveryThatFailedBeforeTheTrialDoesNotCloseTheBreaker(CapturedOutput output)
			throws InterruptedException {
		ListenerGate gate = new ListenerGate("listener", this.breakers, true);
		gate.failed(OutageCause.DATABASE, new CannotGetJdbcConnectionException("down"));
		// a second delivery in flight fails while the breaker is open; its permit is not back yet
		gate.failed(OutageCause.DATABASE, new CannotGetJdbcConnectionException("down"));
		gate.released(1, ReleaseReason.PROCESSED);
		this.databaseUp.set(true);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.database.state() == ConsumptionBreaker.State.HALF_OPEN);
		assertThat(gate.request(() -> 10, () -> 1)).as("the trial message").isEqualTo(1);

		gate.released(1, ReleaseReason.PROCESSED);
		assertThat(this.database.state()).as("the failed delivery's permit came back").isEqualTo(ConsumptionBreaker.State.HALF_OPEN);
		assertThat(gate.request(() -> 10, () -> 1)).as("still one trial at a time").isZero();

		gate.released(1, ReleaseReason.PROCESSED);
		assertThat(this.database.state()).as("the trial message was handled").isEqualTo(ConsumptionBreaker.State.CLOSED);
		assertThat(output.getAll().lines().filter((line) -> line.contains("consume again after"))).hasSize(1);
	}

	@Test
	void aTrialThatFailsAgainReopensTheBreakerWithoutAnotherWarning(CapturedOutput output)
			throws InterruptedException {
		ListenerGate gate = new ListenerGate("listener", this.breakers, true);
		gate.failed(OutageCause.DATABASE, new CannotGetJdbcConnectionException("down"));
		this.databaseUp.set(true);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.database.state() == ConsumptionBreaker.State.HALF_OPEN);
		assertThat(gate.request(() -> 10, () -> 1)).isEqualTo(1);
		// down again before the trial message is handled (so the next probe fails too)
		this.databaseUp.set(false);
		gate.failed(OutageCause.DATABASE, new CannotGetJdbcConnectionException("down again"));
		gate.released(1, ReleaseReason.PROCESSED);

		assertThat(this.database.state()).isEqualTo(ConsumptionBreaker.State.OPEN);
		assertThat(output.getAll().lines().filter((line) -> line.contains("WARN"))).hasSize(1);
		assertThat(output.getAll()).doesNotContain("consume again after");
	}

	@Test
	void aTrialPollThatFindsNothingLetsTheNextPollTryAgain() throws InterruptedException {
		ListenerGate gate = new ListenerGate("listener", this.breakers, true);
		gate.failed(OutageCause.DATABASE, new CannotGetJdbcConnectionException("down"));
		this.databaseUp.set(true);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.database.state() == ConsumptionBreaker.State.HALF_OPEN);
		assertThat(gate.request(() -> 10, () -> 1)).isEqualTo(1);
		gate.released(1, ReleaseReason.NONE_FETCHED);
		assertThat(gate.request(() -> 10, () -> 1)).isEqualTo(1);
		assertThat(this.database.state()).isEqualTo(ConsumptionBreaker.State.HALF_OPEN);
	}

	@Test
	void aListenerThatNeverHitTheFaultKeepsConsuming() throws InterruptedException {
		ListenerGate other = new ListenerGate("other", this.breakers, false);
		this.database.failed("listener", new CannotGetJdbcConnectionException("down"));
		assertThat(other.request(() -> 10, () -> 1)).isEqualTo(10);
	}

	@Test
	void eachListenerThatNeedsAnOpenBreakerCountsOnePausePerOutageAndResumesWhenItCloses() {
		ListenerGate idempotent = new ListenerGate("idempotent", this.breakers, true);
		ListenerGate plain = new ListenerGate("plain", this.breakers, false);
		this.breakers.register("idempotent", idempotent);
		this.breakers.register("plain", plain);
		assertThat(this.breakers.isPaused("idempotent")).isFalse();

		this.database.failed("other", new CannotGetJdbcConnectionException("down"));
		assertThat(this.breakers.isPaused("idempotent")).as("needs the database for its inbox").isTrue();
		assertThat(this.breakers.isPaused("plain")).as("never needed the database").isFalse();
		assertThat(this.breakers.pauses("idempotent")).isEqualTo(1);
		assertThat(this.breakers.pauses("plain")).isZero();
		this.databaseUp.set(true);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.database.state() == ConsumptionBreaker.State.HALF_OPEN);
		assertThat(this.breakers.isPaused("idempotent")).as("half-open: one trial message at a time").isTrue();

		this.database.confirmed();
		assertThat(this.breakers.isPaused("idempotent")).isFalse();
		assertThat(this.breakers.pauses("idempotent")).as("open, then half-open: one pause").isEqualTo(1);
		plain.failed(OutageCause.DATABASE, new CannotGetJdbcConnectionException("down again"));
		assertThat(this.breakers.isPaused("plain")).as("needs it now").isTrue();
		assertThat(this.breakers.pauses("plain")).isEqualTo(1);
		assertThat(this.breakers.pauses("idempotent")).as("the second outage").isEqualTo(2);
		assertThat(this.breakers.isPaused("unknown")).isFalse();
		assertThat(this.breakers.pauses("unknown")).isZero();
	}

	private Map<OutageCause, ConsumptionBreakers.Probe> probes() {
		Map<OutageCause, ConsumptionBreakers.Probe> probes = new EnumMap<>(OutageCause.class);
		probes.put(OutageCause.DATABASE, () -> {
			this.probes.incrementAndGet();
			return this.databaseUp.get();
		});
		return probes;
	}

}
