/**
 * The performance harness: eventbus side by side with raw JPA and raw AWS SDK loops, on
 * PostgreSQL and the fauxqs emulator ({@link dev.eventbus.benchmarks.Benchmarks} runs it).
 */
@NullMarked
package dev.eventbus.benchmarks;

import org.jspecify.annotations.NullMarked;
