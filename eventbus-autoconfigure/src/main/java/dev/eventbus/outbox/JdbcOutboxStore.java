package dev.eventbus.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;

/**
 * The outbox in the {@code eventbus_outbox} table, through plain JDBC, the same statements on
 * PostgreSQL, MySQL / MariaDB and H2 (PostgreSQL gets array parameters and a few settings).
 * <p>
 * The insert path touches four indexes: the primary key and the index of unpublished rows
 * ({@code id where published_at is null} on PostgreSQL, {@code (published_at, id)} elsewhere), both
 * on increasing keys, and the two indexes of the {@link JdbcEventLog event log}'s reads,
 * {@code (channel, entity_id, id)} and {@code (channel, id)} (their cost on the commit is measured
 * in the benchmarks). Reads are range scans of that index from an id on, so a read does not walk
 * the entries of rows published earlier; no row is locked, because one instance relays a
 * partition at a time. On PostgreSQL a read tells the planner not to sort (with stale
 * statistics after a burst it would otherwise sort the whole backlog for every read) and the
 * relay's marks commit with {@code synchronous_commit = off} (a database crash can at worst
 * forget that the last events were published, and they are published again: delivery is at
 * least once anyway).
 */
public final class JdbcOutboxStore implements OutboxStore {

	static final String TABLE = "eventbus_outbox";

	private static final String INSERT = "insert into " + TABLE
			+ " (event_id, channel, action, entity_id, ordering_key, partition_no, topic, publisher, body, created_at,"
			+ " next_attempt_at, trace_context, attempts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

	private static final String MARK_PUBLISHED = "update " + TABLE + " set published_at = ? where id = ?";

	/** On PostgreSQL the marks of a batch: one statement in a transaction of its own, one round trip. */
	static final String MARK_PUBLISHED_ANY = "begin; set local synchronous_commit = off; update " + TABLE
			+ " set published_at = ? where id = any (?); commit";

	private static final String MARK_FAILED = "update " + TABLE
			+ " set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?";

	private final DataSource dataSource;

	private final boolean uuidAsText;

	private final boolean postgresql;

	private final JdbcOutboxRead reads;

	private final JdbcOutboxPurge purges;

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
		this.reads = new JdbcOutboxRead(dataSource, this.postgresql);
		this.purges = new JdbcOutboxPurge(dataSource);
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
				insert.setString(12, event.traceContext());
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
		return this.reads.read(List.of(), Instant.EPOCH, partitions, afterId, limit);
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
		return this.reads.read(published, publishedAt, partitions, afterId, limit);
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
				OutboxTransactions.commitIfNeeded(connection);
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
			OutboxTransactions.commitIfNeeded(connection);
		}
		catch (SQLException | RuntimeException ex) {
			OutboxTransactions.quietlyEnd(connection, this.postgresql);
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
			OutboxTransactions.commitIfNeeded(connection);
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not record the failure of event " + event.eventId(), ex);
		}
	}

	/**
	 * Deletes published rows older than the cut-off from the oldest end of the table, in
	 * bounded steps by id (see {@link JdbcOutboxPurge}).
	 */
	@Override
	public int purge(Instant publishedBefore) {
		return this.purges.purge(publishedBefore);
	}

	/**
	 * The row ids of some events, as an array parameter.
	 * @param events the events
	 * @return their ids
	 */
	static Long[] ids(List<PendingEvent> events) {
		Long[] ids = new Long[events.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = events.get(i).id();
		}
		return ids;
	}

}
