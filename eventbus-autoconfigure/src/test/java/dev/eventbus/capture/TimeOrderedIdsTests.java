package dev.eventbus.capture;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTests {

	@Test
	void idsAreVersion7WithTheTimeInFrontAndUnique() {
		long now = 1_795_460_000_000L;
		UUID id = TimeOrderedIds.next(now);
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now);
		assertThat(UUID.fromString(id.toString())).isEqualTo(id);
		Set<UUID> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(TimeOrderedIds.next(now));
		}
		assertThat(ids).hasSize(10_000);
		assertThat(TimeOrderedIds.next(now + 1).toString()).isGreaterThan(TimeOrderedIds.next(now).toString());
	}

}
