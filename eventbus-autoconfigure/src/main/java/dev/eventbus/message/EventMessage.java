package dev.eventbus.message;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One event in its wire form (format version {@value #FORMAT_VERSION}), as documented in
 * {@code docs/message-format.md}. The payload is kept as a JSON tree of maps and lists; the
 * listener converts it to its own type.
 *
 * @param eventId a UUID string
 * @param channel the channel
 * @param action the action in wire form ({@code created}, {@code updated}, {@code deleted})
 * @param entityType the JPA entity name
 * @param entityId the entity's id as text
 * @param occurredAt when the change was captured
 * @param publisher the publishing application
 * @param version the envelope format version
 * @param entityVersion the JPA {@code @Version} value, if any
 * @param payload the published state
 * @param changes for updates: attribute name to {@code {"old": .., "new": ..}}
 */
public record EventMessage(String eventId, String channel, String action, String entityType,
		@Nullable String entityId, Instant occurredAt, @Nullable String publisher, int version,
		@Nullable Object entityVersion, Map<String, @Nullable Object> payload,
		@Nullable Map<String, Map<String, @Nullable Object>> changes) {

	/** The envelope format version written by this library. */
	public static final int FORMAT_VERSION = 1;

}
