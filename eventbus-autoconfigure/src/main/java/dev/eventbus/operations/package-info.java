/**
 * Operations on a running application: peek into and redrive listeners' dead-letter queues, replay
 * retained outbox events to one listener.
 */
@NullMarked
package dev.eventbus.operations;

import org.jspecify.annotations.NullMarked;
