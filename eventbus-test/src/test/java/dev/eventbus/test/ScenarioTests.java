package dev.eventbus.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import dev.eventbus.Action;
import dev.eventbus.observation.HandleOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Scenarios on a recorder fed by another thread, as the relay and the listener containers feed
 * it: what a scenario waits for, what counts (only what follows the stimulus), and the failure
 * messages when it does not come.
 */
class ScenarioTests {

	private static final Executor LATER = CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS);

	private final EventRecorder events = Recordings.recorder();

	private final CountingTransactions transactions = new CountingTransactions();

	private final Scenario scenario = new Scenario(this.events,
			new StaticListableBeanFactory(Map.of("tm", this.transactions))
				.getBeanProvider(PlatformTransactionManager.class));

	record OrderView(String status) {
	}

	@Test
	void waitsForTheEventTheRelayPublishesAfterTheCommit() {
		RecordedEvent event = this.scenario.stimulate(() -> order("NEW", true))
			.andWaitForPublished("Order", Action.CREATED, OrderView.class)
			.matching(OrderView::status, "NEW")
			.withEntityId(1)
			.toArrive();
		assertThat(event.payload(OrderView.class)).isEqualTo(new OrderView("NEW"));
		assertThat(this.transactions.commits).hasValue(1);
	}

	@Test
	void resultAndVerification() {
		Stimulus<UUID> stimulus = this.scenario.stimulate(() -> order("PAID", true));
		assertThat(stimulus.result()).isNotNull();
		AtomicReference<OrderView> verified = new AtomicReference<>();
		stimulus.andWaitForPublished("Order", "created", OrderView.class).toArriveAndVerify(verified::set);
		assertThat(verified).hasValue(new OrderView("PAID"));
	}

	@Test
	void anEventPublishedBeforeTheStimulusDoesNotCount() {
		UUID before = Recordings.capture(this.events, "Order", "created", "1", "{\"status\":\"OLD\"}");
		Recordings.publish(this.events, before, "Order", "created", "1", "{\"status\":\"OLD\"}");

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.scenario.stimulate(() -> order("NEW", false))
				.andWaitAtMost(Duration.ofMillis(300))
				.andWaitForPublished("Order", Action.CREATED)
				.toArrive())
			.withMessageStartingWith("Expecting an event 'Order' created to be published within PT0.3S of the "
					+ "stimulus, but none was; since the stimulus: ")
			.withMessageContaining("captured events (1):" + System.lineSeparator()
					+ "  1. Order created (entity 1) {\"status\":\"NEW\"}")
			.withMessageContaining("no published events")
			.withMessageContaining("no deliveries")
			.withMessageNotContaining("OLD");
	}

	@Test
	void theTimeoutListsTheEventsThatDidArriveButDidNotMatch() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.scenario.stimulate(() -> order("NEW", true))
				.andWaitAtMost(Duration.ofMillis(500))
				.andWaitForPublished("Order", Action.CREATED, OrderView.class)
				.matching(OrderView::status, "SHIPPED")
				.toArrive())
			.withMessageStartingWith("Expecting an event 'Order' created whose payload gives \"SHIPPED\" to be "
					+ "published within PT0.5S of the stimulus, but none was;")
			.withMessageContaining("published events (1):" + System.lineSeparator()
					+ "  1. Order created (entity 1) {\"status\":\"NEW\"}");
	}

	@Test
	void notToArriveWaitsTheTimeoutAndFailsWhenTheEventCame() {
		this.scenario.stimulate(() -> order("NEW", true))
			.andWaitAtMost(Duration.ofMillis(400))
			.andWaitForPublished("Order", Action.DELETED)
			.notToArrive();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.scenario.stimulate(() -> order("NEW", true))
				.andWaitAtMost(Duration.ofSeconds(5))
				.andWaitForPublished("Order", Action.CREATED)
				.notToArrive())
			.withMessageStartingWith("Expecting an event 'Order' created not to be published within PT5S of the "
					+ "stimulus, but Order created (entity 1) {\"status\":\"NEW\"} was;");
	}

	@Test
	void waitsForTheListenerToHandleTheEventWithTheOutcome() {
		RecordedHandlings handled = this.scenario.stimulate(() -> {
			UUID id = order("NEW", true);
			LATER.execute(() -> {
				this.events.handled("billing-onOrder", "Order", "created", id.toString(), HandleOutcome.RETRIED,
						new IllegalStateException("down"));
				this.events.handled("billing-onOrder", "Order", "created", id.toString(), HandleOutcome.SUCCESS, null);
			});
		}).andWaitForHandled("billing-onOrder", "Order", Action.CREATED).toComplete();
		assertThat(handled.list()).extracting(RecordedHandling::outcome).containsExactly(HandleOutcome.SUCCESS);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.scenario.stimulate(() -> order("NEW", false))
				.andWaitAtMost(Duration.ofMillis(300))
				.andWaitForHandled("billing-onOrder", "Order", "created")
				.withOutcome(HandleOutcome.DEAD_LETTERED)
				.times(2)
				.toComplete())
			.withMessageStartingWith("Expecting listener 'billing-onOrder' to handle 'Order' created with outcome "
					+ "dead_lettered 2 time(s) within PT0.3S of the stimulus, but it did 0 time(s); since the stimulus: ");
	}

	@Test
	void waitsForAStateChange() {
		AtomicReference<String> invoice = new AtomicReference<>();
		String accepted = this.scenario.stimulate(() -> LATER.execute(() -> invoice.set("INV-1")))
			.andWaitForStateChange(invoice::get)
			.andVerify((number) -> assertThat(number).startsWith("INV"));
		assertThat(accepted).isEqualTo("INV-1");

		AtomicInteger reads = new AtomicInteger();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.scenario.stimulate(() -> order("NEW", false))
				.andWaitAtMost(Duration.ofMillis(300))
				.andWaitForStateChange(() -> List.of(reads.incrementAndGet()).subList(0, 0))
				.andVerify((empty) -> {
				}))
			.withMessageStartingWith("Expecting the state to change within PT0.3S of the stimulus, but it was still []");
		assertThat(reads.get()).as("the state is read again while waiting").isGreaterThan(1);
	}

	@Test
	void aStimulusThatThrowsIsRolledBack() {
		assertThatIllegalStateException().isThrownBy(() -> this.scenario.stimulate(() -> {
			throw new IllegalStateException("out of stock");
		})).withMessage("out of stock");
		assertThat(this.transactions.rollbacks).hasValue(1);
		assertThat(this.transactions.commits).hasValue(0);
	}

	@Test
	void aStimulusInsideAnActiveTransactionIsRefusedBecauseItWouldNotCommit() {
		new org.springframework.transaction.support.TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> assertThatIllegalStateException()
				.isThrownBy(() -> this.scenario.stimulate(() -> order("NEW", false)))
				.withMessageContaining("a transaction is already active (a @Transactional test method?)"));
		assertThat(this.events).isEmpty();
	}

	@Test
	void withoutATransactionManagerTheScenarioSaysWhatIsMissing() {
		Scenario without = new Scenario(this.events,
				new StaticListableBeanFactory().getBeanProvider(PlatformTransactionManager.class));
		assertThatIllegalStateException().isThrownBy(() -> without.stimulate(() -> {
		})).withMessageContaining("no PlatformTransactionManager bean");
	}

	/** Captures an order created event now, and publishes it later when asked (as the relay does). */
	private UUID order(String status, boolean publishLater) {
		String payload = "{\"status\":\"" + status + "\"}";
		UUID id = Recordings.capture(this.events, "Order", "created", "1", payload);
		if (publishLater) {
			LATER.execute(() -> Recordings.publish(this.events, id, "Order", "created", "1", payload));
		}
		return id;
	}

	/** Counts commits and rollbacks; holds no resources. */
	static final class CountingTransactions extends AbstractPlatformTransactionManager {

		final AtomicInteger commits = new AtomicInteger();

		final AtomicInteger rollbacks = new AtomicInteger();

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			this.commits.incrementAndGet();
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			this.rollbacks.incrementAndGet();
		}

	}

}
