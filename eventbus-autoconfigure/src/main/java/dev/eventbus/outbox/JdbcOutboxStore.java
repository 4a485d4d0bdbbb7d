package dev.eventbus.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.support.JdbcUtils;

/**
 * The outbox in the {@code eventbus_outbox} table, through plain JDBC. Claims use
 * {@code FOR UPDATE SKIP LOCKED} on databases that have it (PostgreSQL, MySQL 8, H2 2), so
 * several relays share the work without publishing a row twice; a claim can leave out ordering
 * keys that another worker of the same relay holds.
 * <p>
 * On PostgreSQL the relay's transaction tells the planner to avoid sorting (so a claim walks
 * the pending index in id order and stops after {@code limit} rows, whatever the table
 * statistics say: with stale statistics after a burst the planner otherwise sorts the whole
 * backlog for every claim) and commits with {@code synchronous_commit = off} (a database crash
 * can at worst forget that the last events were published, and they are published again:
 * delivery is at least once anyway). Published rows are marked with one statement.
 */
public final class JdbcOutboxStore implements OutboxStore {

	static final String TABLE = "eventbus_outbox";

	private static final String INSERT = "insert into " + TABLE
			+ " (event_id, channel, action, entity_id, ordering_key, topic, publisher, body, created_at, next_attempt_at,"
			+ " attempts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

	/**
	 * The due events, each with the id of the unpublished event of its entity just before it
	 * (if any), which tells whether it is next in line for its entity.
	 */
	private static final String CLAIM = "select o.id, o.event_id, o.channel, o.action, o.entity_id, o.topic, o.publisher,"
			+ " o.body, o.attempts,"
			+ " (select max(p.id) from " + TABLE + " p where p.ordering_key = o.ordering_key"
			+ " and p.published_at is null and p.id < o.id)"
			+ " from " + TABLE + " o where o.published_at is null and o.next_attempt_at <= ?"
			+ " and not exists (select 1 from " + TABLE + " w where w.ordering_key = o.ordering_key"
			+ " and w.published_at is null and w.id < o.id and w.next_attempt_at > ?)";

	private static final String CLAIM_ORDER = " order by o.id limit ? for update skip locked";

	private static final String MARK_PUBLISHED = "update " + TABLE + " set published_at = ? where id = ?";

	private static final String MARK_PUBLISHED_ANY = "update " + TABLE + " set published_at = ? where id = any (?)";

	private static final String POSTGRESQL_RELAY_SETTINGS = "set local enable_sort = off;"
			+ " set local synchronous_commit = off";

	private static final String MARK_FAILED = "update " + TABLE
			+ " set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?";

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
				insert.setString(6, event.topic());
				insert.setString(7, event.publisher());
				insert.setString(8, event.body());
				insert.setTimestamp(9, createdAt);
				insert.setTimestamp(10, createdAt);
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
	public Claim claim(int limit, Instant now, Set<String> excludedKeys) {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(false);
			boolean postgresql = this.postgresql;
			String exclusion = "";
			if (!excludedKeys.isEmpty()) {
				exclusion = postgresql ? " and o.ordering_key <> all (?)"
						: " and o.ordering_key not in (" + String.join(", ", Collections.nCopies(excludedKeys.size(), "?"))
								+ ")";
			}
			List<PendingEvent> events = new ArrayList<>(limit);
			Map<Long, Long> previous = new HashMap<>();
			// on PostgreSQL the settings travel in the same round trip as the query
			String sql = (postgresql ? POSTGRESQL_RELAY_SETTINGS + "; " : "") + CLAIM + exclusion + CLAIM_ORDER;
			try (PreparedStatement select = connection.prepareStatement(sql)) {
				Timestamp at = Timestamp.from(now);
				int index = 1;
				select.setTimestamp(index++, at);
				select.setTimestamp(index++, at);
				if (!excludedKeys.isEmpty() && postgresql) {
					select.setArray(index++, connection.createArrayOf("varchar", excludedKeys.toArray()));
				}
				else {
					for (String key : excludedKeys) {
						select.setString(index++, key);
					}
				}
				select.setInt(index, limit);
				try (ResultSet rows = resultOf(select)) {
					while (rows.next()) {
						PendingEvent event = new PendingEvent(rows.getLong(1), UUID.fromString(rows.getString(2)),
								rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
								rows.getString(7), rows.getString(8), rows.getInt(9));
						events.add(event);
						long before = rows.getLong(10);
						if (!rows.wasNull()) {
							previous.put(event.id(), before);
						}
					}
				}
			}
			return new JdbcClaim(connection, keepEntityOrder(events, previous), postgresql);
		}
		catch (SQLException | RuntimeException ex) {
			release(connection, false);
			throw new OutboxException("Could not claim events from " + TABLE, ex);
		}
	}

	/**
	 * Keeps only the claimed events that are next in line for their entity. {@code SKIP LOCKED}
	 * passes over rows another relay holds, so a claim can contain a later event of an entity
	 * whose earlier event is being published elsewhere (or waits for a retry); sending it now
	 * would overtake that event. For each ordering key, the claimed events are kept while each is
	 * the oldest unpublished event of the key or directly follows the one kept before it (the
	 * claim query returns each event's unpublished predecessor); the rest stay for a later round.
	 */
	private static List<PendingEvent> keepEntityOrder(List<PendingEvent> claimed, Map<Long, Long> previous) {
		List<PendingEvent> kept = new ArrayList<>(claimed.size());
		Map<String, Long> lastKept = new HashMap<>();
		Set<String> blocked = new HashSet<>();
		for (PendingEvent event : claimed) {
			String key = event.orderingKey();
			Long before = previous.get(event.id());
			if (!blocked.contains(key) && Objects.equals(before, lastKept.get(key))) {
				lastKept.put(key, event.id());
				kept.add(event);
			}
			else {
				blocked.add(key);
			}
		}
		return kept;
	}

	@Override
	public int purge(Instant publishedBefore) {
		return update("delete from " + TABLE + " where published_at < ?", publishedBefore);
	}

	@Override
	public long backlog() {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement count = connection
					.prepareStatement("select count(*) from " + TABLE + " where published_at is null");
				ResultSet rows = count.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not count the events in " + TABLE, ex);
		}
	}

	private int update(String sql, Instant at) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setTimestamp(1, Timestamp.from(at));
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not run '" + sql + "'", ex);
		}
	}

	/** Runs a statement that may start with statements without results (settings). */
	private static ResultSet resultOf(PreparedStatement statement) throws SQLException {
		boolean isResult = statement.execute();
		while (!isResult) {
			if (statement.getUpdateCount() == -1) {
				throw new SQLException("The claim query returned no rows");
			}
			isResult = statement.getMoreResults();
		}
		return statement.getResultSet();
	}

	private static void release(@Nullable Connection connection, boolean commit) {
		if (connection == null) {
			return;
		}
		try {
			if (commit) {
				connection.commit();
			}
			else {
				connection.rollback();
			}
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not end the relay transaction", ex);
		}
		finally {
			JdbcUtils.closeConnection(connection);
		}
	}

	private static final class JdbcClaim implements Claim {

		private final Connection connection;

		private final List<PendingEvent> events;

		private final boolean markWithArray;

		private boolean done;

		JdbcClaim(Connection connection, List<PendingEvent> events, boolean markWithArray) {
			this.connection = connection;
			this.events = events;
			this.markWithArray = markWithArray;
		}

		@Override
		public List<PendingEvent> events() {
			return this.events;
		}

		@Override
		public void markPublished(List<PendingEvent> published, Instant at) {
			if (published.isEmpty()) {
				return;
			}
			if (this.markWithArray) {
				markPublishedAtOnce(published, at);
				return;
			}
			try (PreparedStatement update = this.connection.prepareStatement(MARK_PUBLISHED)) {
				Timestamp timestamp = Timestamp.from(at);
				for (PendingEvent event : published) {
					update.setTimestamp(1, timestamp);
					update.setLong(2, event.id());
					update.addBatch();
				}
				update.executeBatch();
			}
			catch (SQLException ex) {
				throw new OutboxException("Could not mark " + published.size() + " event(s) published", ex);
			}
		}

		private void markPublishedAtOnce(List<PendingEvent> published, Instant at) {
			Long[] ids = new Long[published.size()];
			for (int i = 0; i < ids.length; i++) {
				ids[i] = published.get(i).id();
			}
			try (PreparedStatement update = this.connection.prepareStatement(MARK_PUBLISHED_ANY)) {
				update.setTimestamp(1, Timestamp.from(at));
				update.setArray(2, this.connection.createArrayOf("bigint", ids));
				update.executeUpdate();
			}
			catch (SQLException ex) {
				throw new OutboxException("Could not mark " + published.size() + " event(s) published", ex);
			}
		}

		@Override
		public void markFailed(PendingEvent event, String error, Instant retryAt) {
			try (PreparedStatement update = this.connection.prepareStatement(MARK_FAILED)) {
				update.setString(1, (error.length() > 2000) ? error.substring(0, 2000) : error);
				update.setTimestamp(2, Timestamp.from(retryAt));
				update.setLong(3, event.id());
				update.executeUpdate();
			}
			catch (SQLException ex) {
				throw new OutboxException("Could not record the failure of event " + event.eventId(), ex);
			}
		}

		@Override
		public void commit() {
			this.done = true;
			release(this.connection, true);
		}

		@Override
		public void close() {
			if (!this.done) {
				this.done = true;
				release(this.connection, false);
			}
		}

	}

}
