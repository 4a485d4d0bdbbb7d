/**
 * Auto-configuration of eventbus, its properties and its start-up failure analyzers.
 */
@NullMarked
package dev.eventbus.autoconfigure;

import org.jspecify.annotations.NullMarked;
