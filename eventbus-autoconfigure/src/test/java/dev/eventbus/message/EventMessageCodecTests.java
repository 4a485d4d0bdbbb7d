package dev.eventbus.message;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventMessageCodecTests {

	private final EventMessageCodec codec = new EventMessageCodec();

	@Test
	void writesAndReadsTheEnvelopeKeepingDecimalsExactAndPlain() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("total", new BigDecimal("1E+3"));
		payload.put("price", new BigDecimal("42.50"));
		String id = UUID.randomUUID().toString();
		String json = this.codec.write(new EventMessage(id, "Order", "created", "Order", "7",
				Instant.parse("2026-11-23T10:00:00Z"), "shop", 1, 3L, payload, null));
		assertThat(json).contains("\"total\":1000").contains("\"price\":42.50")
			.contains("\"occurredAt\":\"2026-11-23T10:00:00Z\"")
			.doesNotContain("changes");
		EventMessage read = this.codec.read(json);
		assertThat(read.eventId()).isEqualTo(id);
		assertThat(read.payload().get("price")).isEqualTo(new BigDecimal("42.50"));
		assertThat(read.entityVersion()).isEqualTo(3);
	}

	@Test
	void unknownActionIsMalformedNotRetried() {
		String json = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"channel\":\"Order\",\"action\":\"archived\","
				+ "\"occurredAt\":\"2026-11-23T10:00:00Z\",\"payload\":{}}";
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.read(json))
			.withMessageContaining("unknown action 'archived'");
	}

	@Test
	void eventIdMustBeAUuid() {
		String json = "{\"eventId\":\"42\",\"channel\":\"Order\",\"action\":\"created\","
				+ "\"occurredAt\":\"2026-11-23T10:00:00Z\",\"payload\":{}}";
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.read(json));
	}

	record View(long quantity, String name) {
	}

	@Test
	void missingPrimitiveAttributeConvertsToItsDefault() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("quantity", null);
		payload.put("name", "x");
		View view = this.codec.convert(payload, this.codec.javaType(View.class));
		assertThat(view).isEqualTo(new View(0, "x"));
	}

}
