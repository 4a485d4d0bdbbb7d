package dev.eventbus.test;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a stimulus in a transaction and waits for what follows: an event published, a listener
 * having handled one, or a state change. {@code eventbus-test} registers one in every Spring
 * test context; a test autowires it.
 *
 * <pre>
 * &#64;Autowired Scenario scenario;
 *
 * scenario.stimulate(() -&gt; orders.save(new Order(id, "NEW")))
 * 	.andWaitForPublished("Order", Action.CREATED, OrderView.class)
 * 	.matching(OrderView::status, "NEW")
 * 	.toArrive();
 * </pre>
 *
 * Only what the {@link EventRecorder} records after the stimulus started counts. Waiting ends
 * as soon as the expectation is met, or fails after the timeout (by default
 * {@link #DEFAULT_TIMEOUT}, {@link Stimulus#andWaitAtMost(Duration) per scenario} otherwise)
 * with a message listing what was captured, published and handled since the stimulus.
 */
public final class Scenario {

	/** How long a scenario waits unless told otherwise. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private final EventRecorder recorder;

	private final ObjectProvider<PlatformTransactionManager> transactionManager;

	Scenario(EventRecorder recorder, ObjectProvider<PlatformTransactionManager> transactionManager) {
		this.recorder = recorder;
		this.transactionManager = transactionManager;
	}

	/**
	 * Runs the stimulus in a transaction (committed when it returns, rolled back when it throws).
	 * @param stimulus what the test does, for example saving an entity
	 * @return what to wait for
	 * @throws IllegalStateException if a transaction is active already (a {@code @Transactional}
	 * test), which the stimulus would join instead of committing
	 */
	public Stimulus<Void> stimulate(Runnable stimulus) {
		return stimulate(() -> {
			stimulus.run();
			return null;
		});
	}

	/**
	 * Runs the stimulus in a transaction (committed when it returns, rolled back when it throws).
	 * @param stimulus what the test does, returning a result the test can read with
	 * {@link Stimulus#result()}
	 * @param <T> the result type
	 * @return what to wait for
	 * @throws IllegalStateException if a transaction is active already (a {@code @Transactional}
	 * test), which the stimulus would join instead of committing
	 */
	public <T> Stimulus<T> stimulate(Supplier<T> stimulus) {
		PlatformTransactionManager transactions = this.transactionManager.getIfUnique();
		if (transactions == null) {
			throw new IllegalStateException("A Scenario runs its stimulus in a transaction, and the test context has "
					+ "no PlatformTransactionManager bean (or several): add one, or mark one @Primary");
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// joining it would commit nothing: the events come only when the outer transaction commits
			throw new IllegalStateException("A Scenario's stimulus must commit its own transaction, and a transaction "
					+ "is already active (a @Transactional test method?): its events would be captured only when that "
					+ "transaction commits, and a test-managed one is rolled back; remove @Transactional from the test");
		}
		long mark = this.recorder.mark();
		T result = new TransactionTemplate(transactions).execute((status) -> stimulus.get());
		return new Stimulus<>(this.recorder, mark, result, DEFAULT_TIMEOUT);
	}

}
