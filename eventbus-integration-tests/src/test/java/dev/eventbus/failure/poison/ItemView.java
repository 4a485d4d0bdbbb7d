package dev.eventbus.failure.poison;

/**
 * What the item listener reads: {@code quantity} is a number, so a payload with text there
 * does not convert.
 */
public record ItemView(long id, int quantity, String name) {
}
