/**
 * The public API of eventbus: mark entities with {@link dev.eventbus.PublishEvents}, publish
 * domain events with {@link dev.eventbus.EventBus} or as {@link dev.eventbus.PublishedEvent}
 * objects, receive them in {@link dev.eventbus.Listener} methods.
 */
@NullMarked
package dev.eventbus;

import org.jspecify.annotations.NullMarked;
