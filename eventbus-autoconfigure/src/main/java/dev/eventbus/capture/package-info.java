/**
 * Capture of entity changes: Hibernate event listeners that turn an insert, update or delete
 * of a {@link dev.eventbus.PublishEvents} entity into an outbox event in the same transaction.
 */
@NullMarked
package dev.eventbus.capture;

import org.jspecify.annotations.NullMarked;
