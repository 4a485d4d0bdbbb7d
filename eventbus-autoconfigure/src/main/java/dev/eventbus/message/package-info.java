/**
 * The message format on the wire: the JSON envelope every event travels in, written by the
 * capture and read by the listeners.
 */
@NullMarked
package dev.eventbus.message;

import org.jspecify.annotations.NullMarked;
