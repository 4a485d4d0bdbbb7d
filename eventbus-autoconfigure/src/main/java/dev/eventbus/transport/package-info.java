/**
 * The transport SPI ({@link dev.eventbus.transport.EventTransport}, sending
 * {@link dev.eventbus.transport.OutgoingMessage}s) and its SNS implementation; the only
 * package that sends to SNS.
 */
@NullMarked
package dev.eventbus.transport;

import org.jspecify.annotations.NullMarked;
