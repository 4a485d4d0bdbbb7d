package dev.eventbus.consume;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Idempotent consumption: records {@code (listener, event id)} in the {@code eventbus_inbox}
 * table in the same transaction as the handler. A redelivered event finds its row and is
 * acknowledged without calling the method again; a handler that throws rolls its row back, so
 * the event is handled on the next delivery.
 */
public final class Inbox {

	private static final String INSERT = "insert into eventbus_inbox (listener_id, event_id, handled_at) values (?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean uuidAsText;

	/**
	 * Creates the inbox.
	 * @param jdbc the JDBC template on the application's data source
	 * @param transactions transactions of the application's transaction manager
	 * @param clock the clock
	 * @param uuidAsText whether event ids are stored as text (MySQL)
	 */
	public Inbox(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, boolean uuidAsText) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.uuidAsText = uuidAsText;
	}

	/**
	 * Runs the handler unless the event was handled by this listener before.
	 * @param listenerId the listener
	 * @param eventId the event id
	 * @param handler the handler
	 * @return whether the handler ran
	 */
	boolean handleOnce(String listenerId, String eventId, Runnable handler) {
		Object id = this.uuidAsText ? eventId : UUID.fromString(eventId);
		PlatformTransactionManager manager = this.transactions.getTransactionManager();
		Assert.state(manager != null, "The inbox's TransactionTemplate has no transaction manager");
		TransactionStatus status = manager.getTransaction(this.transactions);
		try {
			try {
				this.jdbc.update(INSERT, listenerId, id, Timestamp.from(this.clock.instant()));
			}
			catch (DuplicateKeyException ex) {
				manager.rollback(status);
				return false;
			}
			handler.run();
		}
		catch (RuntimeException | Error ex) {
			rollback(manager, status, ex);
			throw ex;
		}
		manager.commit(status);
		return true;
	}

	/**
	 * Rolls back after a failure. Unlike {@code TransactionTemplate}, a rollback that fails too
	 * (the connection is gone) does not replace the failure: the caller sees what the handler or
	 * the database threw, which tells a lost database from a failing handler.
	 */
	private static void rollback(PlatformTransactionManager manager, TransactionStatus status, Throwable failure) {
		try {
			manager.rollback(status);
		}
		catch (RuntimeException | Error ex) {
			failure.addSuppressed(ex);
		}
	}

	/**
	 * Deletes records of events handled before the given time.
	 * @param handledBefore the cut-off
	 * @return how many rows were deleted
	 */
	int purge(Instant handledBefore) {
		return this.jdbc.update("delete from eventbus_inbox where handled_at < ?", Timestamp.from(handledBefore));
	}

}
