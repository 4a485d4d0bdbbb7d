/**
 * Micrometer observations of eventbus ({@code eventbus.publish} per event sent,
 * {@code eventbus.handle} per delivery to a listener method): their documentation, contexts and
 * replaceable conventions, and how the trace context current at capture is kept with an outbox
 * row.
 */
@NullMarked
package dev.eventbus.observation;

import org.jspecify.annotations.NullMarked;
