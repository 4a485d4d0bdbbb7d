package dev.eventbus.sample.audit;

import java.time.Instant;
import java.util.Map;

import dev.eventbus.Action;

/**
 * One event as the audit log received it.
 *
 * @param receivedAt when it was received
 * @param channel the channel
 * @param action what happened
 * @param data the payload
 */
public record AuditEntry(Instant receivedAt, String channel, Action action, Map<String, Object> data) {

}
