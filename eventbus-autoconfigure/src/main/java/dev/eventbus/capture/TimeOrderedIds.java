package dev.eventbus.capture;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Event ids as UUID version 7 (RFC 9562): the first 48 bits are the Unix time in milliseconds,
 * the rest random. Ids of events captured one after the other are close together, so the
 * outbox's unique index on {@code event_id} grows at its right edge instead of taking inserts
 * all over (less I/O and WAL per commit); they are still unique and valid UUIDs for consumers.
 */
final class TimeOrderedIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TimeOrderedIds() {
	}

	static UUID next(long epochMillis) {
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		long high = (epochMillis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
		long low = 0x8000000000000000L | ((random[2] & 0x3FL) << 56);
		for (int i = 3; i < 10; i++) {
			low |= (random[i] & 0xFFL) << (8 * (9 - i));
		}
		return new UUID(high, low);
	}

}
