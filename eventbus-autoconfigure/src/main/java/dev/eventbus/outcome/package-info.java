/**
 * Method outcome events: the advisor that publishes an event when a
 * {@link dev.eventbus.PublishOutcome} method returns and another, after its transaction, when it
 * throws.
 */
@NullMarked
package dev.eventbus.outcome;

import org.jspecify.annotations.NullMarked;
