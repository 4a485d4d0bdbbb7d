package dev.eventbus.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.eventbus.EventLog;
import dev.eventbus.EventLogPage;
import dev.eventbus.EventLogPosition;
import dev.eventbus.LoggedEvent;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.message.MalformedMessageException;

/**
 * The {@link EventLog} on the {@code eventbus_outbox} table. The history of an entity is a
 * range scan of the index {@code eventbus_outbox_entity (channel, entity_id, id)}, a page of a
 * channel one of {@code eventbus_outbox_channel (channel, id)}.
 * <p>
 * Log order is id order. For one entity that is commit order: the transaction that changes an
 * entity holds the entity row's lock from its flush to its commit, and writes its outbox rows in
 * between, so the next transaction that changes the entity takes its ids after that commit. Across
 * the entities of a channel it is not: ids are taken when the rows are written, just before the
 * commit, and two transactions can commit in the other order. A worker that stored the position
 * of a higher id would then never read the lower one, committed late. So a page is cut before the
 * first row that is not published yet (its transaction may have committed long ago, its event is
 * still to come) and before the first row published less than the settle time ago: when a row was
 * published, its transaction had committed, and every row with a lower id had been written before
 * it; a row with a lower id that is still not visible then belongs to a transaction that has taken
 * longer than the settle time from writing its events to its commit. The settle time covers that
 * and the difference between the clocks of the instance that relayed and the one that reads.
 */
public final class JdbcEventLog implements EventLog {

	private static final String COLUMNS = "select id, event_id, channel, action, entity_id, created_at, published_at,"
			+ " body from " + JdbcOutboxStore.TABLE;

	private static final String HISTORY = COLUMNS
			+ " where channel = ? and entity_id = ? and published_at is not null order by id";

	/** Unpublished rows included: the page is cut before the first (see the class comment). */
	private static final String PAGE = COLUMNS + " where channel = ? and id > ? order by id limit ?";

	private final JdbcTemplate jdbc;

	private final EventMessageCodec codec;

	private final Duration settleTime;

	private final Clock clock;

	/**
	 * Creates the log.
	 * @param dataSource the data source of the outbox table
	 * @param codec reads the message bodies and converts payloads (the listeners' codec)
	 * @param settleTime how long after its publication an event appears in a channel page
	 * @param clock the clock the settle time is measured with
	 */
	public JdbcEventLog(DataSource dataSource, EventMessageCodec codec, Duration settleTime, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.codec = codec;
		this.settleTime = settleTime;
		this.clock = clock;
	}

	@Override
	public <T> List<LoggedEvent<T>> history(String channel, Object entityId, Class<T> payloadType) {
		JavaType type = this.codec.javaType(payloadType);
		List<Row> rows = this.jdbc.query(HISTORY, JdbcEventLog::row, channel, String.valueOf(entityId));
		List<LoggedEvent<T>> events = new ArrayList<>(rows.size());
		for (Row row : rows) {
			events.add(event(row, Objects.requireNonNull(row.publishedAt()), type));
		}
		return events;
	}

	@Override
	public <T> EventLogPage<T> read(String channel, EventLogPosition after, int limit, Class<T> payloadType) {
		if (limit < 1) {
			throw new IllegalArgumentException("A page holds at least one event, not " + limit);
		}
		JavaType type = this.codec.javaType(payloadType);
		Instant settled = this.clock.instant().minus(this.settleTime);
		List<Row> rows = this.jdbc.query(PAGE, JdbcEventLog::row, channel, after.id(), limit);
		List<LoggedEvent<T>> events = new ArrayList<>(rows.size());
		for (Row row : rows) {
			Instant publishedAt = row.publishedAt();
			if (publishedAt == null || publishedAt.isAfter(settled)) {
				return new EventLogPage<>(events, next(events, after), false);
			}
			events.add(event(row, publishedAt, type));
		}
		return new EventLogPage<>(events, next(events, after), rows.size() == limit);
	}

	private static EventLogPosition next(List<? extends LoggedEvent<?>> events, EventLogPosition after) {
		return events.isEmpty() ? after : events.get(events.size() - 1).position();
	}

	private <T> LoggedEvent<T> event(Row row, Instant publishedAt, JavaType type) {
		JsonNode body = this.codec.readTree(row.body());
		JsonNode payload = body.get("payload");
		if (payload == null) {
			throw new MalformedMessageException("the body of outbox row " + row.id() + " has no 'payload'", null);
		}
		// the envelope's own value: created_at holds the same instant, to the database's precision
		JsonNode occurredAt = body.get("occurredAt");
		return new LoggedEvent<>(new EventLogPosition(row.id()), row.eventId(), row.channel(), row.action(),
				row.entityId(), (occurredAt != null && occurredAt.isString()) ? Instant.parse(occurredAt.asString())
						: row.createdAt(),
				publishedAt, this.codec.convert(payload, type));
	}

	private static Row row(ResultSet rs, int index) throws SQLException {
		Timestamp publishedAt = rs.getTimestamp(7);
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getTimestamp(6).toInstant(), (publishedAt != null) ? publishedAt.toInstant() : null,
				rs.getString(8));
	}

	/** One outbox row as the log reads it. */
	private record Row(long id, String eventId, String channel, String action, @Nullable String entityId,
			Instant createdAt, @Nullable Instant publishedAt, String body) {
	}

}
