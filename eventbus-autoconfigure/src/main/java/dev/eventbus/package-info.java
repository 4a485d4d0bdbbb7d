/**
 * The public API of eventbus: mark entities with {@link dev.eventbus.PublishEvents}, receive
 * their events in {@link dev.eventbus.Listener} methods.
 */
@NullMarked
package dev.eventbus;

import org.jspecify.annotations.NullMarked;
