/**
 * Operating eventbus through Spring Boot Actuator: the {@code eventbus} health indicator and endpoint.
 */
@NullMarked
package dev.eventbus.actuate;

import org.jspecify.annotations.NullMarked;
