package dev.eventbus.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox rows whose publish failed and that wait for their retry (unpublished, with
 * {@code attempts > 0}): listed for operators, and made due at once ("retry now"). Both read
 * only unpublished rows (the pending index), so their cost grows with the backlog, not with the
 * table. Making rows due changes the database only; {@link OutboxRelay#retryNow()} makes this
 * instance's relay send them at once instead of at the retry time it remembers.
 */
public final class FailingEvents {

	private static final String FAILING = " from " + JdbcOutboxStore.TABLE
			+ " where published_at is null and attempts > 0";

	private static final String LIST = "select id, event_id, channel, action, entity_id, attempts, last_error,"
			+ " next_attempt_at, created_at" + FAILING + " order by id limit :limit";

	private static final String RETRY = "update " + JdbcOutboxStore.TABLE + " set next_attempt_at = :now"
			+ " where published_at is null and attempts > 0";

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * Creates the reader.
	 * @param dataSource the application's data source
	 * @param clock the clock that makes rows due
	 */
	public FailingEvents(DataSource dataSource, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
	}

	/**
	 * The failing rows, lowest id first.
	 * @param limit the largest number of rows to list
	 * @return the first rows and how many there are in all
	 * @throws org.springframework.dao.DataAccessException if the database cannot be read
	 */
	public Page list(int limit) {
		long total = this.jdbc.sql("select count(*)" + FAILING).query(Long.class).single();
		List<Row> rows = this.jdbc.sql(LIST).param("limit", limit).query((row, number) -> {
			Timestamp next = row.getTimestamp(8);
			Timestamp created = row.getTimestamp(9);
			return new Row(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
					row.getInt(6), row.getString(7), next.toInstant(), created.toInstant());
		}).list();
		return new Page(total, rows);
	}

	/**
	 * Makes failing rows due now. Their attempt count and last error stay.
	 * @param ids the row ids to retry, {@code null} for every failing row; ids of rows that are
	 * published or never failed are ignored
	 * @return how many rows were made due
	 * @throws org.springframework.dao.DataAccessException if the database cannot be written
	 */
	public int retryNow(@Nullable Collection<Long> ids) {
		Timestamp now = Timestamp.from(this.clock.instant());
		if (ids == null) {
			return this.jdbc.sql(RETRY).param("now", now).update();
		}
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql(RETRY + " and id in (:ids)").param("now", now).param("ids", ids).update();
	}

	/**
	 * Some failing rows and the number of all of them.
	 *
	 * @param total how many rows fail
	 * @param rows the first of them, lowest id first
	 */
	public record Page(long total, List<Row> rows) {
	}

	/**
	 * One failing outbox row.
	 *
	 * @param id the row id
	 * @param eventId the event id
	 * @param channel the channel
	 * @param action the action in wire form
	 * @param entityId the entity id, if any
	 * @param attempts how many publish attempts failed
	 * @param lastError the last publish error, if recorded
	 * @param nextAttemptAt not before this time is the event sent again
	 * @param createdAt when the event was captured
	 */
	public record Row(long id, String eventId, String channel, String action, @Nullable String entityId, int attempts,
			@Nullable String lastError, Instant nextAttemptAt, Instant createdAt) {
	}

}
