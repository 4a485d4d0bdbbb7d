/**
 * Audit: keeps the most recent events of the {@code Order} channel.
 */
@NullMarked
package dev.eventbus.sample.audit;

import org.jspecify.annotations.NullMarked;
