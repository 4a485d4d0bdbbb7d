package dev.eventbus.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.support.JdbcUtils;

/**
 * The outbox in the {@code eventbus_outbox} table, through plain JDBC, the same statements on
 * PostgreSQL, MySQL / MariaDB and H2 (PostgreSQL gets array parameters and a few settings).
 * <p>
 * The insert path touches two indexes, both on increasing keys: the primary key and the index
 * of unpublished rows ({@code id where published_at is null} on PostgreSQL, {@code (published_at,
 * id)} elsewhere). Reads are range scans of that index from an id on, so a read does not walk
 * the entries of rows published earlier; no row is locked, because one instance relays a
 * partition at a time. On PostgreSQL a read tells the planner not to sort (with stale
 * statistics after a burst it would otherwise sort the whole backlog for every read) and the
 * relay's marks commit with {@code synchronous_commit = off} (a database crash can at worst
 * forget that the last events were published, and they are published again: delivery is at
 * least once anyway).
 */
public final class JdbcOutboxStore implements OutboxStore {

	static final String TABLE = "eventbus_outbox";

	/** Rows deleted by one purge statement. */
	static final int PURGE_STEP = 5_000;

	/** Purge statements in one {@link #purge(Instant)}. */
	private static final int PURGE_STEPS = 200;

	private static final String INSERT = "insert into " + TABLE
			+ " (event_id, channel, action, entity_id, ordering_key, partition_no, topic, publisher, body, created_at,"
			+ " next_attempt_at, attempts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

	private static final String UNPUBLISHED = "select id, event_id, channel, action, entity_id, topic, publisher, body,"
			+ " attempts, next_attempt_at, partition_no from " + TABLE + " where published_at is null and id > ?";

	/**
	 * On PostgreSQL a read is its own transaction that tells the planner not to sort, sent with
	 * the query in one round trip.
	 */
	private static final String POSTGRESQL_READ_SETTINGS = "begin; set local enable_sort = off; ";

	private static final String MARK_PUBLISHED = "update " + TABLE + " set published_at = ? where id = ?";

	/** On PostgreSQL the marks of a batch: one statement in a transaction of its own, one round trip. */
	private static final String MARK_PUBLISHED_ANY = "begin; set local synchronous_commit = off; update " + TABLE
			+ " set published_at = ? where id = any (?); commit";

	private static final String MARK_FAILED = "update " + TABLE
			+ " set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?";

	/** The oldest rows, by id: the candidates of one purge step. */
	private static final String PURGE_CANDIDATES = "select id, created_at from " + TABLE
			+ " where id > ? order by id limit ?";

	private static final String PURGE = "delete from " + TABLE
			+ " where id >= ? and id <= ? and published_at is not null and published_at < ?";

	private final DataSource dataSource;

	private final boolean uuidAsText;

	private final boolean postgresql;

	/**
	 * Creates a store.
	 * @param dataSource the application's data source
	 * @param platform the database, as in the schema script names: {@code postgresql},
	 * {@code h2} or {@code mysql} (MySQL stores event ids as text; PostgreSQL gets statements
	 * of its own)
	 */
	public JdbcOutboxStore(DataSource dataSource, String platform) {
		this.dataSource = dataSource;
		this.uuidAsText = "mysql".equals(platform);
		this.postgresql = "postgresql".equals(platform);
	}

	@Override
	public void append(Connection connection, List<OutboxEvent> events) {
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			for (OutboxEvent event : events) {
				Timestamp createdAt = Timestamp.from(event.createdAt());
				insert.setObject(1, this.uuidAsText ? event.eventId().toString() : event.eventId());
				insert.setString(2, event.channel());
				insert.setString(3, event.action());
				insert.setString(4, event.entityId());
				insert.setString(5, event.orderingKey());
				insert.setInt(6, Partitions.of(event.orderingKey()));
				insert.setString(7, event.topic());
				insert.setString(8, event.publisher());
				insert.setString(9, event.body());
				insert.setTimestamp(10, createdAt);
				insert.setTimestamp(11, createdAt);
				insert.addBatch();
			}
			insert.executeBatch();
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not write " + events.size() + " event(s) to " + TABLE
					+ " (does the table exist? see eventbus.outbox.initialize-schema)", ex);
		}
	}

	@Override
	public List<PendingEvent> unpublished(Set<Integer> partitions, long afterId, int limit) {
		return read(List.of(), Instant.EPOCH, partitions, afterId, limit);
	}

	/**
	 * On PostgreSQL the marks and the read go in one round trip: the marks' transaction, then
	 * the read's.
	 */
	@Override
	public List<PendingEvent> markAndRead(List<PendingEvent> published, Instant publishedAt, Set<Integer> partitions,
			long afterId, int limit) {
		if (!this.postgresql || published.isEmpty() || partitions.isEmpty()) {
			return OutboxStore.super.markAndRead(published, publishedAt, partitions, afterId, limit);
		}
		return read(published, publishedAt, partitions, afterId, limit);
	}

	private List<PendingEvent> read(List<PendingEvent> published, Instant publishedAt, Set<Integer> partitions,
			long afterId, int limit) {
		if (partitions.isEmpty()) {
			return List.of();
		}
		boolean marks = !published.isEmpty();
		boolean all = partitions.size() >= Partitions.COUNT;
		String filter = "";
		if (!all) {
			filter = this.postgresql ? " and partition_no = any (?)"
					: " and partition_no in (" + String.join(", ", Collections.nCopies(partitions.size(), "?")) + ")";
		}
		String sql = (marks ? MARK_PUBLISHED_ANY + "; " : "") + (this.postgresql ? POSTGRESQL_READ_SETTINGS : "")
				+ UNPUBLISHED + filter + " order by id limit ?" + (this.postgresql ? "; commit" : "");
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			List<PendingEvent> events = new ArrayList<>(Math.min(limit, 1024));
			try (PreparedStatement select = connection.prepareStatement(sql)) {
				int index = 1;
				if (marks) {
					select.setTimestamp(index++, Timestamp.from(publishedAt));
					select.setArray(index++, connection.createArrayOf("bigint", ids(published)));
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
								rows.getTimestamp(10).toInstant(), rows.getInt(11)));
					}
				}
			}
			end(connection, true);
			return events;
		}
		catch (SQLException | RuntimeException ex) {
			quietlyEnd(connection);
			throw new OutboxException(marks ? "Could not mark " + published.size()
					+ " event(s) published and read events from " + TABLE : "Could not read events from " + TABLE, ex);
		}
		finally {
			JdbcUtils.closeConnection(connection);
		}
	}

	@Override
	public void markPublished(List<PendingEvent> published, Instant at) {
		if (published.isEmpty()) {
			return;
		}
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			if (this.postgresql) {
				try (PreparedStatement update = connection.prepareStatement(MARK_PUBLISHED_ANY)) {
					update.setTimestamp(1, Timestamp.from(at));
					update.setArray(2, connection.createArrayOf("bigint", ids(published)));
					update.execute();
				}
				commitIfNeeded(connection);
				return;
			}
			try (PreparedStatement update = connection.prepareStatement(MARK_PUBLISHED)) {
				Timestamp timestamp = Timestamp.from(at);
				for (PendingEvent event : published) {
					update.setTimestamp(1, timestamp);
					update.setLong(2, event.id());
					update.addBatch();
				}
				update.executeBatch();
			}
			commitIfNeeded(connection);
		}
		catch (SQLException | RuntimeException ex) {
			quietlyEnd(connection);
			throw new OutboxException("Could not mark " + published.size() + " event(s) published", ex);
		}
		finally {
			JdbcUtils.closeConnection(connection);
		}
	}

	@Override
	public void markFailed(PendingEvent event, String error, Instant retryAt) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
			update.setString(1, (error.length() > 2000) ? error.substring(0, 2000) : error);
			update.setTimestamp(2, Timestamp.from(retryAt));
			update.setLong(3, event.id());
			update.executeUpdate();
			commitIfNeeded(connection);
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not record the failure of event " + event.eventId(), ex);
		}
	}

	/**
	 * Deletes published rows older than the cut-off from the oldest end of the table, in steps
	 * of {@value #PURGE_STEP} rows by id, so that no statement scans more than that and no
	 * index on {@code published_at} is needed. Ids grow with time, so it stops at the first
	 * step that reaches a row captured after the cut-off. An old row that is still unpublished
	 * is kept.
	 */
	@Override
	public int purge(Instant publishedBefore) {
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
				commitIfNeeded(connection);
				if (younger || count < PURGE_STEP) {
					return deleted;
				}
				after = last;
			}
			return deleted;
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not delete published events from " + TABLE, ex);
		}
	}

	/**
	 * Commits on a pool whose connections do not auto-commit ({@code auto-commit=false}):
	 * the relay's statements are transactions of their own.
	 */
	static void commitIfNeeded(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	private static Long[] ids(List<PendingEvent> events) {
		Long[] ids = new Long[events.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = events.get(i).id();
		}
		return ids;
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

	private static void end(Connection connection, boolean commit) throws SQLException {
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
	 */
	private void quietlyEnd(@Nullable Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			if (this.postgresql && connection.getAutoCommit()) {
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
