/**
 * Test support for eventbus: the event recorder, its AssertJ assertions and scenarios in every Spring test
 * context; the fauxqs SNS/SQS emulator (or moto), pointing Spring test contexts at it, and clients and queue
 * and topic look-ups for it.
 */
@NullMarked
package dev.eventbus.test;

import org.jspecify.annotations.NullMarked;
