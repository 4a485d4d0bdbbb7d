/**
 * Test support for eventbus: starts the fauxqs SNS/SQS emulator (or moto), points Spring test contexts at it
 * and gives tests clients and queue and topic look-ups for it.
 */
@NullMarked
package dev.eventbus.test;

import org.jspecify.annotations.NullMarked;
