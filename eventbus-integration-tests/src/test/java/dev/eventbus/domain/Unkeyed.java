package dev.eventbus.domain;

import dev.eventbus.PublishedEvent;

/**
 * A marked event whose key property does not exist.
 *
 * @param note a note
 */
@PublishedEvent(channel = "DomInvoice", action = "noted", key = "noteId")
public record Unkeyed(String note) {
}
