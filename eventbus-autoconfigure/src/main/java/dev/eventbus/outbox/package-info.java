/**
 * The transactional outbox: what it means to append, read and mark events
 * ({@link dev.eventbus.outbox.OutboxStore}), its JDBC storage, and the relay that moves events
 * from the outbox to the transport.
 */
@NullMarked
package dev.eventbus.outbox;

import org.jspecify.annotations.NullMarked;
