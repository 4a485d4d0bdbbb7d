package dev.eventbus.domain;

import java.util.UUID;

import dev.eventbus.PublishedEvent;

/**
 * A domain event an aggregate registers, with a custom action on the channel of the aggregate's
 * own entity events.
 *
 * @param orderId the order, the event's key
 * @param carrier who ships it
 */
@PublishedEvent(channel = "DomOrder", action = "shipped", key = "orderId")
public record OrderShipped(UUID orderId, String carrier) {
}
