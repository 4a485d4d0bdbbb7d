/**
 * Consumption: finding {@link dev.eventbus.Listener} methods, binding their arguments, and one
 * Spring Cloud AWS SQS listener container per listener; the only package that reads SQS.
 */
@NullMarked
package dev.eventbus.consume;

import org.jspecify.annotations.NullMarked;
