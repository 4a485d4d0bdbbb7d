/**
 * Orders: the entity whose changes are published on the {@code Order} channel.
 */
@NullMarked
package dev.eventbus.sample.orders;

import org.jspecify.annotations.NullMarked;
