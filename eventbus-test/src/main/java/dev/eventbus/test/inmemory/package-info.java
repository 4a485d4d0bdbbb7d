/**
 * In-memory delivery for fast tests: events go from the outbox relay to the listener methods in the
 * same JVM, without SNS, SQS or an emulator ({@code eventbus.test.delivery=in-memory}).
 */
@NullMarked
package dev.eventbus.test.inmemory;

import org.jspecify.annotations.NullMarked;
