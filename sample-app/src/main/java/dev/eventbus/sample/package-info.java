/**
 * The sample shop: orders publish events that finance, shipping and audit listen to.
 */
@NullMarked
package dev.eventbus.sample;

import org.jspecify.annotations.NullMarked;
