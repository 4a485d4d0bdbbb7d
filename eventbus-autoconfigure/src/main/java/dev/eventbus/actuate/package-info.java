/**
 * Spring Boot Actuator support: the {@code eventbus} health indicator and the {@code eventbus}
 * endpoint (what the application publishes and consumes, failing outbox rows, dead letters,
 * replay, the AWS topology it needs).
 */
@NullMarked
package dev.eventbus.actuate;

import org.jspecify.annotations.NullMarked;
