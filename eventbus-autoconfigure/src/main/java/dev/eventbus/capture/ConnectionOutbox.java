package dev.eventbus.capture;

import java.sql.Connection;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The events of a transaction that has no Hibernate session (a {@code DataSourceTransactionManager}
 * or {@code JdbcTransactionManager} one): a transaction synchronization that writes them in one
 * batch on the transaction's connection before it commits, bound to the transaction as a
 * resource so that all events of one transaction share it (and a suspended transaction keeps its
 * own). The resource key includes the transaction's connection holder: a transaction started in
 * an after-completion callback of another (where Spring suspends no synchronizations, so the
 * finished transaction's outbox is still bound) gets an outbox of its own.
 */
final class ConnectionOutbox implements TransactionSynchronization {

	private static final Log logger = LogFactory.getLog(ConnectionOutbox.class);

	private final Object key;

	private final DataSource dataSource;

	private final OutboxBatch batch;

	private ConnectionOutbox(Object key, DataSource dataSource, OutboxBatch batch) {
		this.key = key;
		this.dataSource = dataSource;
		this.batch = batch;
	}

	/**
	 * The batch of the current transaction, registered with it on first use.
	 * @param owner the outboxes these belong to, part of the resource key
	 * @param dataSource the data source whose transaction-bound connection the events are written on
	 * @param batch creates the batch of a transaction that has none yet
	 * @return the current transaction's batch
	 */
	static OutboxBatch current(Object owner, DataSource dataSource, java.util.function.Supplier<OutboxBatch> batch) {
		Key key = new Key(owner, TransactionSynchronizationManager.getResource(dataSource));
		if (TransactionSynchronizationManager.getResource(key) instanceof ConnectionOutbox outbox) {
			return outbox.batch;
		}
		ConnectionOutbox outbox = new ConnectionOutbox(key, dataSource, batch.get());
		TransactionSynchronizationManager.bindResource(key, outbox);
		TransactionSynchronizationManager.registerSynchronization(outbox);
		return outbox.batch;
	}

	@Override
	public void suspend() {
		TransactionSynchronizationManager.unbindResource(this.key);
	}

	@Override
	public void resume() {
		TransactionSynchronizationManager.bindResource(this.key, this);
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			this.batch.write(connection);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(this.key);
		if (status == STATUS_COMMITTED && this.batch.unwritten()) {
			logger.error("eventbus lost events published after their transaction's commit had begun (in an "
					+ "after-commit callback?); publish before the commit, or with EventBus.publishInNewTransaction");
		}
		this.batch.completed(status == STATUS_COMMITTED);
	}

	/** The resource key: the outboxes and the transaction's connection holder. */
	private record Key(Object owner, @Nullable Object connectionHolder) {
	}

}
