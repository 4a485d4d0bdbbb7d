package dev.eventbus.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * The purge of {@link JdbcOutboxStore}. It deletes published rows older than the cut-off from
 * the oldest end of the table, in steps of {@value #PURGE_STEP} rows by id, so that no
 * statement scans more than that and no index on {@code published_at} is needed. Ids grow
 * with time, so it stops at the first step that reaches a row captured after the cut-off. An
 * old row that is still unpublished is kept.
 */
final class JdbcOutboxPurge {

	/** Rows deleted by one purge statement. */
	static final int PURGE_STEP = 5_000;

	/** Purge statements in one {@link #purge(Instant)}. */
	private static final int PURGE_STEPS = 200;

	/** The oldest rows, by id: the candidates of one purge step. */
	private static final String PURGE_CANDIDATES = "select id, created_at from " + JdbcOutboxStore.TABLE
			+ " where id > ? order by id limit ?";

	private static final String PURGE = "delete from " + JdbcOutboxStore.TABLE
			+ " where id >= ? and id <= ? and published_at is not null and published_at < ?";

	private final DataSource dataSource;

	/**
	 * Creates the purge.
	 * @param dataSource the application's data source
	 */
	JdbcOutboxPurge(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Deletes published rows older than the cut-off, oldest first, in bounded steps.
	 * @param publishedBefore the cut-off
	 * @return how many rows were deleted
	 */
	int purge(Instant publishedBefore) {
		Timestamp cutOff = Timestamp.from(publishedBefore);
		int deleted = 0;
		long after = 0;
		try (Connection connection = this.dataSource.getConnection()) {
			for (int step = 0; step < PURGE_STEPS; step++) {
				long first = -1;
				long last = -1;
				int count = 0;
				boolean younger = false;
				try (PreparedStatement select = connection.prepareStatement(PURGE_CANDIDATES)) {
					select.setLong(1, after);
					select.setInt(2, PURGE_STEP);
					try (ResultSet rows = select.executeQuery()) {
						while (rows.next()) {
							last = rows.getLong(1);
							first = (first < 0) ? last : first;
							younger = !rows.getTimestamp(2).before(cutOff);
							count++;
						}
					}
				}
				if (count == 0) {
					return deleted;
				}
				try (PreparedStatement delete = connection.prepareStatement(PURGE)) {
					delete.setLong(1, first);
					delete.setLong(2, last);
					delete.setTimestamp(3, cutOff);
					deleted += delete.executeUpdate();
				}
				OutboxTransactions.commitIfNeeded(connection);
				if (younger || count < PURGE_STEP) {
					return deleted;
				}
				after = last;
			}
			return deleted;
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not delete published events from " + JdbcOutboxStore.TABLE, ex);
		}
	}

}
