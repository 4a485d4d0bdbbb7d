package dev.eventbus.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;

/**
 * How the relay's JDBC statements end their transactions: each is a transaction of its own,
 * on pools whose connections auto-commit and on pools whose connections do not
 * ({@code auto-commit=false}), and a failed one leaves no open transaction behind on the
 * connection that goes back to the pool.
 */
final class OutboxTransactions {

	private OutboxTransactions() {
	}

	/**
	 * Commits on a pool whose connections do not auto-commit ({@code auto-commit=false}):
	 * the relay's statements are transactions of their own.
	 * @param connection the connection
	 * @throws SQLException if the commit fails
	 */
	static void commitIfNeeded(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	/**
	 * Ends the transaction of a connection that does not auto-commit, and makes it auto-commit.
	 * @param connection the connection
	 * @param commit whether to commit (or roll back)
	 * @throws SQLException if that fails
	 */
	static void end(Connection connection, boolean commit) throws SQLException {
		if (!connection.getAutoCommit()) {
			if (commit) {
				connection.commit();
			}
			else {
				connection.rollback();
			}
			connection.setAutoCommit(true);
		}
	}

	/**
	 * Ends a failed statement's transaction before the connection goes back to the pool: the
	 * PostgreSQL statements open their own ({@code begin; ...; commit}), which an error leaves
	 * open and aborted.
	 * @param connection the connection, if one was taken
	 * @param postgresql whether the database is PostgreSQL
	 */
	static void quietlyEnd(@Nullable Connection connection, boolean postgresql) {
		if (connection == null) {
			return;
		}
		try {
			if (postgresql && connection.getAutoCommit()) {
				try (Statement rollback = connection.createStatement()) {
					rollback.execute("rollback");
				}
			}
			end(connection, false);
		}
		catch (SQLException ex) {
			// the connection is broken: the pool discards it
		}
	}

}
