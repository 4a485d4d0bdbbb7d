package dev.eventbus.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.EntityEvent;
import dev.eventbus.EventBus;
import dev.eventbus.NoActiveTransactionException;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.test.EnableFauxqs;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, item 1: {@link EventBus} on real components (PostgreSQL, the outbox, SNS and SQS in
 * the fauxqs emulator, listener methods): an event joins the transaction of the caller, a
 * rolled-back one publishes nothing, none at all is refused.
 */
@EnableFauxqs
@SpringBootTest(classes = DomainApplication.class,
		properties = { "spring.application.name=it-bus", "eventbus.publish.topic-prefix=it-bus-" })
@DirtiesContext
class EventBusIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	EventBus eventBus;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	Deliveries<Received> received;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void eventPublishedInTransactionReachesTypedListenerWithItsEnvelope() {
		String key = UUID.randomUUID().toString();
		PaymentReceived payment = new PaymentReceived(key, new BigDecimal("12.30"));
		this.tx.executeWithoutResult((status) -> this.eventBus.publish("DomPayment", "created", key, payment));

		assertThat(awaitOne("typed", key).payload()).isEqualTo(payment);
		EntityEvent<?> event = (EntityEvent<?>) awaitOne("envelope", key).payload();
		assertThat(event.channel()).isEqualTo("DomPayment");
		assertThat(event.entityType()).isEqualTo("PaymentReceived");
		assertThat(event.entityId()).isEqualTo(key);
		assertThat(event.publisher()).isEqualTo("it-bus");
		assertThat(event.entityVersion()).isNull();
		assertThat(event.changes()).isEmpty();
		assertThat(event.payload()).isEqualTo(payment);
	}

	@Test
	void eventAndEntityChangesOfOneTransactionAreWrittenAndDeliveredTogether() {
		UUID ledger = UUID.randomUUID();
		String key = ledger.toString();
		this.tx.executeWithoutResult((status) -> {
			this.entityManager.persist(new Ledger(ledger, "opened"));
			this.eventBus.publish("DomPayment", "created", key, new PaymentReceived(key, BigDecimal.ONE));
		});
		awaitOne("ledger", key);
		awaitOne("typed", key);
		// the published event is captured when publish is called, the entity's change when Hibernate flushes it
		// (here: at commit)
		assertThat(this.jdbc.queryForList("select channel from eventbus_outbox where entity_id = ? order by id",
				String.class, key))
			.containsExactly("DomPayment", "DomLedger");
	}

	@Test
	void rolledBackTransactionPublishesNothing() {
		String rolledBack = UUID.randomUUID().toString();
		this.tx.executeWithoutResult((status) -> {
			this.eventBus.publish("DomPayment", "created", rolledBack, new PaymentReceived(rolledBack, BigDecimal.TEN));
			status.setRollbackOnly();
		});
		String barrier = UUID.randomUUID().toString();
		this.tx.executeWithoutResult(
				(status) -> this.eventBus.publish("DomPayment", "created", barrier, new PaymentReceived(barrier, BigDecimal.ONE)));
		awaitOne("typed", barrier);
		assertThat(outboxRows(rolledBack)).isZero();
		assertThat(this.received.matching((received) -> rolledBack.equals(received.key()))).isEmpty();
	}

	@Test
	void publishingWithoutTransactionThrowsAndWritesNothing() {
		String key = UUID.randomUUID().toString();
		assertThatExceptionOfType(NoActiveTransactionException.class)
			.isThrownBy(() -> this.eventBus.publish("DomPayment", "created", key, new PaymentReceived(key, BigDecimal.ONE)))
			.withMessageContaining("'created' of channel 'DomPayment'")
			.withMessageContaining("EventBus.publishInNewTransaction");
		assertThat(outboxRows(key)).isZero();
	}

	@Test
	void publishInNewTransactionCommitsAlthoughTheCallersTransactionRollsBack() {
		String kept = UUID.randomUUID().toString();
		String dropped = UUID.randomUUID().toString();
		this.tx.executeWithoutResult((status) -> {
			this.eventBus.publish("DomPayment", "created", dropped, new PaymentReceived(dropped, BigDecimal.ONE));
			this.eventBus.publishInNewTransaction("DomPayment", "created", kept, new PaymentReceived(kept, BigDecimal.TEN));
			status.setRollbackOnly();
		});
		assertThat(awaitOne("typed", kept).payload()).isEqualTo(new PaymentReceived(kept, BigDecimal.TEN));
		assertThat(outboxRows(dropped)).isZero();
	}

	@Test
	void publishInNewTransactionNeedsNoTransactionOfTheCaller() {
		String key = UUID.randomUUID().toString();
		this.eventBus.publishInNewTransaction("DomPayment", "created", key, Map.of("paymentId", key, "amount", 3));
		assertThat(awaitOne("typed", key).payload()).isEqualTo(new PaymentReceived(key, new BigDecimal("3")));
	}

	@Test
	void plainJdbcTransactionCommitsTheEventOrRollsItBack() {
		TransactionTemplate jdbcTx = new TransactionTemplate(new JdbcTransactionManager(this.dataSource));
		String rolledBack = UUID.randomUUID().toString();
		jdbcTx.executeWithoutResult((status) -> {
			this.eventBus.publish("DomPayment", "created", rolledBack, new PaymentReceived(rolledBack, BigDecimal.ONE));
			status.setRollbackOnly();
		});
		String committed = UUID.randomUUID().toString();
		jdbcTx.executeWithoutResult((status) -> {
			this.jdbc.update("insert into dom_audit (note) values (?)", committed);
			this.eventBus.publish("DomPayment", "created", committed, new PaymentReceived(committed, BigDecimal.ONE));
		});
		awaitOne("typed", committed);
		assertThat(outboxRows(rolledBack)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from dom_audit where note = ?", Long.class, committed))
			.isOne();
	}

	@Test
	void publishingInAnAfterCommitCallbackOfAJpaTransactionThrowsInsteadOfLosingTheEvent() {
		String key = UUID.randomUUID().toString();
		AtomicReference<@Nullable RuntimeException> thrown = new AtomicReference<>();
		this.tx.executeWithoutResult((status) -> TransactionSynchronizationManager
			.registerSynchronization(afterCommit(() -> this.eventBus.publish("DomPayment", "created", key,
					new PaymentReceived(key, BigDecimal.ONE)), thrown)));
		assertThat(thrown.get()).isInstanceOf(NoActiveTransactionException.class);
		assertThat(outboxRows(key)).isZero();
	}

	@Test
	void publishingAfterAPlainJdbcTransactionWroteItsEventsThrowsInsteadOfLosingTheEvent() {
		TransactionTemplate jdbcTx = new TransactionTemplate(new JdbcTransactionManager(this.dataSource));
		String first = UUID.randomUUID().toString();
		String late = UUID.randomUUID().toString();
		AtomicReference<@Nullable RuntimeException> thrown = new AtomicReference<>();
		jdbcTx.executeWithoutResult((status) -> {
			this.eventBus.publish("DomPayment", "created", first, new PaymentReceived(first, BigDecimal.ONE));
			TransactionSynchronizationManager.registerSynchronization(afterCommit(() -> this.eventBus.publish(
					"DomPayment", "created", late, new PaymentReceived(late, BigDecimal.ONE)), thrown));
		});
		awaitOne("typed", first);
		assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("already wrote this transaction's events");
		assertThat(outboxRows(late)).isZero();
	}

	private static TransactionSynchronization afterCommit(Runnable action,
			AtomicReference<@Nullable RuntimeException> thrown) {
		return new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				try {
					action.run();
				}
				catch (RuntimeException ex) {
					thrown.set(ex);
				}
			}
		};
	}

	@Test
	void actionThatIsNotALowerCaseWordIsRejected() {
		String key = UUID.randomUUID().toString();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tx.executeWithoutResult(
					(status) -> this.eventBus.publish("DomPayment", "Paid Out", key, new PaymentReceived(key, BigDecimal.ONE))))
			.withMessage("'Paid Out' is not a valid action name: an action name is a lower-case letter, then lower-case "
					+ "letters, digits, '-' or '_', at most 64 characters, such as 'issued'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tx.executeWithoutResult((status) -> this.eventBus.publish("DomPayment", "created", key, "text")))
			.withMessageContaining("must be a JSON object");
		assertThat(outboxRows(key)).isZero();
	}

	private long outboxRows(String key) {
		return this.jdbc.queryForObject("select count(*) from eventbus_outbox where entity_id = ?", Long.class, key);
	}

	private Received awaitOne(String listener, String key) {
		List<Received> calls = await().atMost(TIMEOUT)
			.until(() -> this.received.matching(Received.by(listener).and((r) -> key.equals(r.key()))),
					(list) -> !list.isEmpty());
		assertThat(calls).hasSize(1);
		return calls.get(0);
	}

}
