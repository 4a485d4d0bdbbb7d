/**
 * The transport SPI ({@link dev.eventbus.transport.EventTransport}) and its SNS implementation;
 * the only package that sends to SNS.
 */
@NullMarked
package dev.eventbus.transport;

import org.jspecify.annotations.NullMarked;
