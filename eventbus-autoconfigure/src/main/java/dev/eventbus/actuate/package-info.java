/**
 * Spring Boot Actuator support: the {@code eventbus} endpoint (what the application publishes
 * and consumes, failing outbox rows, the AWS topology it needs).
 */
@NullMarked
package dev.eventbus.actuate;

import org.jspecify.annotations.NullMarked;
