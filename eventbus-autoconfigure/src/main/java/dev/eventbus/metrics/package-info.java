/**
 * eventbus's Micrometer meters: captured events, the outbox gauges, listener pauses.
 */
@NullMarked
package dev.eventbus.metrics;

import org.jspecify.annotations.NullMarked;
