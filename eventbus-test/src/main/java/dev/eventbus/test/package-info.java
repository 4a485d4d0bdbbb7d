/**
 * Test support for eventbus: starts the fauxqs SNS/SQS emulator and points Spring test contexts at it.
 */
@NullMarked
package dev.eventbus.test;

import org.jspecify.annotations.NullMarked;
