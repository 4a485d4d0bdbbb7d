package dev.eventbus.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;

/**
 * The relay's read of {@link JdbcOutboxStore}: the unpublished rows of some partitions after
 * an id, lowest id first, as a range scan of the index of unpublished rows, without locks. On
 * PostgreSQL the partitions are one array parameter, the read is a transaction of its own that
 * tells the planner not to sort, and the marks of what was sent since the last read can travel
 * in the same round trip, in a transaction of their own before the read.
 */
final class JdbcOutboxRead {

	private static final String UNPUBLISHED = "select id, event_id, channel, action, entity_id, topic, publisher, body,"
			+ " attempts, next_attempt_at, partition_no, trace_context from " + JdbcOutboxStore.TABLE
			+ " where published_at is null and id > ?";

	/**
	 * On PostgreSQL a read is its own transaction that tells the planner not to sort, sent with
	 * the query in one round trip.
	 */
	private static final String POSTGRESQL_READ_SETTINGS = "begin; set local enable_sort = off; ";

	private final DataSource dataSource;

	private final boolean postgresql;

	/**
	 * Creates the read.
	 * @param dataSource the application's data source
	 * @param postgresql whether the database is PostgreSQL
	 */
	JdbcOutboxRead(DataSource dataSource, boolean postgresql) {
		this.dataSource = dataSource;
		this.postgresql = postgresql;
	}

	/**
	 * Reads unpublished events, after marking others published in the same round trip
	 * (PostgreSQL only).
	 * @param published the events to mark first (none on other databases)
	 * @param publishedAt when they were sent
	 * @param partitions the partitions to read
	 * @param afterId the id to read after
	 * @param limit the largest number of events
	 * @return the events, lowest id first
	 */
	List<PendingEvent> read(List<PendingEvent> published, Instant publishedAt, Set<Integer> partitions, long afterId,
			int limit) {
		if (partitions.isEmpty()) {
			return List.of();
		}
		boolean marks = !published.isEmpty();
		boolean all = partitions.size() >= Partitions.COUNT;
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			List<PendingEvent> events = new ArrayList<>(Math.min(limit, 1024));
			try (PreparedStatement select = connection.prepareStatement(sql(marks, all, partitions.size()))) {
				int index = 1;
				if (marks) {
					select.setTimestamp(index++, Timestamp.from(publishedAt));
					select.setArray(index++, connection.createArrayOf("bigint", JdbcOutboxStore.ids(published)));
				}
				select.setLong(index++, afterId);
				if (!all && this.postgresql) {
					select.setArray(index++, connection.createArrayOf("integer", partitions.toArray()));
				}
				else if (!all) {
					for (Integer partition : partitions) {
						select.setInt(index++, partition);
					}
				}
				select.setInt(index, limit);
				try (ResultSet rows = resultOf(select)) {
					while (rows.next()) {
						events.add(new PendingEvent(rows.getLong(1), UUID.fromString(rows.getString(2)),
								rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
								rows.getString(7), rows.getString(8), rows.getInt(9),
								rows.getTimestamp(10).toInstant(), rows.getInt(11), rows.getString(12)));
					}
				}
			}
			OutboxTransactions.end(connection, true);
			return events;
		}
		catch (SQLException | RuntimeException ex) {
			OutboxTransactions.quietlyEnd(connection, this.postgresql);
			throw new OutboxException(marks
					? "Could not mark " + published.size() + " event(s) published and read events from "
							+ JdbcOutboxStore.TABLE
					: "Could not read events from " + JdbcOutboxStore.TABLE, ex);
		}
		finally {
			JdbcUtils.closeConnection(connection);
		}
	}

	/** The read, with the marks before it; a relay that holds every partition reads them all. */
	private String sql(boolean marks, boolean all, int partitions) {
		String filter = "";
		if (!all) {
			filter = this.postgresql ? " and partition_no = any (?)"
					: " and partition_no in (" + String.join(", ", Collections.nCopies(partitions, "?")) + ")";
		}
		return (marks ? JdbcOutboxStore.MARK_PUBLISHED_ANY + "; " : "")
				+ (this.postgresql ? POSTGRESQL_READ_SETTINGS : "") + UNPUBLISHED + filter + " order by id limit ?"
				+ (this.postgresql ? "; commit" : "");
	}

	/** Runs a statement that may start with statements without results (settings). */
	private static ResultSet resultOf(PreparedStatement statement) throws SQLException {
		boolean isResult = statement.execute();
		while (!isResult) {
			if (statement.getUpdateCount() == -1) {
				throw new SQLException("The query returned no rows");
			}
			isResult = statement.getMoreResults();
		}
		return statement.getResultSet();
	}

}
