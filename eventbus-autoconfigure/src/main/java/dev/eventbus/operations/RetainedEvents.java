package dev.eventbus.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads retained events from {@code eventbus_outbox}: rows already published and not yet purged
 * ({@code eventbus.outbox.retention}), lowest id first.
 */
final class RetainedEvents {

	private static final String SELECT = "select id, event_id, action, entity_id, publisher, body from eventbus_outbox"
			+ " where published_at is not null and channel = ? and (topic = ? or topic is null)";

	private final JdbcTemplate jdbc;

	RetainedEvents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The retained events of a channel that went to a topic. Rows recorded before the outbox recorded
	 * topics went to the publishing application's topic of the channel, which is the topic of every
	 * listener of the channel in this application, so they are included.
	 * @param channel the channel
	 * @param topicName the topic's name
	 * @param actions the actions in wire form, empty for all
	 * @param range the bounds
	 * @param limit the most rows
	 * @return the events, lowest id first
	 */
	List<Event> find(String channel, String topicName, Collection<String> actions, ReplayRange range, int limit) {
		StringBuilder sql = new StringBuilder(SELECT);
		List<Object> args = new ArrayList<>(List.of(channel, topicName));
		bound(sql, args, "id >= ?", range.fromId());
		bound(sql, args, "id <= ?", range.toId());
		bound(sql, args, "created_at >= ?", (range.from() != null) ? Timestamp.from(range.from()) : null);
		bound(sql, args, "created_at < ?", (range.to() != null) ? Timestamp.from(range.to()) : null);
		if (!actions.isEmpty()) {
			sql.append(" and action in (").append(String.join(", ", actions.stream().map((a) -> "?").toList())).append(')');
			args.addAll(actions);
		}
		sql.append(" order by id limit ?");
		args.add(limit);
		return this.jdbc.query(sql.toString(),
				(rs, row) -> new Event(rs.getLong("id"), rs.getString("event_id"), rs.getString("action"),
						rs.getString("entity_id"), rs.getString("publisher"), rs.getString("body")),
				args.toArray());
	}

	private static void bound(StringBuilder sql, List<Object> args, String condition, @Nullable Object value) {
		if (value != null) {
			sql.append(" and ").append(condition);
			args.add(value);
		}
	}

	/**
	 * One retained event.
	 * @param id the outbox id
	 * @param eventId the event id
	 * @param action the action in wire form
	 * @param entityId the entity id, if any
	 * @param publisher the publisher recorded with the row, if any
	 * @param body the message body as the relay sent it
	 */
	record Event(long id, String eventId, String action, @Nullable String entityId, @Nullable String publisher,
			String body) {
	}

}
