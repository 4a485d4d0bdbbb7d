package dev.eventbus.it;

import java.math.BigDecimal;
import java.util.UUID;

/** What listeners read of an order. */
public record OrderView(UUID id, String status, BigDecimal total) {
}
