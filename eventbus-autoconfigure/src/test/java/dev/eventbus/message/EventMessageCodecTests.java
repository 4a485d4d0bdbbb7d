package dev.eventbus.message;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
	void actionThatIsNoActionNameIsMalformedNotRetried() {
		String json = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"channel\":\"Order\",\"action\":\"Archived!\","
				+ "\"occurredAt\":\"2026-11-23T10:00:00Z\",\"payload\":{}}";
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.read(json))
			.withMessage("action 'Archived!' is not an action name (a lower-case letter, then lower-case letters, "
					+ "digits, '-' or '_', at most 64 characters)");
	}

	@Test
	void customActionIsReadAsItIs() {
		// whether a listener takes it is the listener's decision (its filter policy and ListenerEndpoint.knows)
		String json = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"channel\":\"Invoice\",\"action\":\"issued\","
				+ "\"occurredAt\":\"2026-11-23T10:00:00Z\",\"entityId\":\"7\",\"payload\":{\"total\":1.50}}";
		EventMessage read = this.codec.read(json);
		assertThat(read.action()).isEqualTo("issued");
		assertThat(read.entityVersion()).isNull();
		assertThat(read.changes()).isNull();
	}

	@Test
	void payloadOfAPublishedEventMustBeAJsonObject() {
		assertThat(this.codec.payload(new View(3, "pen"))).containsEntry("quantity", 3L).containsEntry("name", "pen");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.payload(List.of(1, 2)))
			.withMessage("The payload of type " + List.of(1, 2).getClass().getName() + " serializes to a JSON array, "
					+ "and an event's payload must be a JSON object: publish a record, a class or a Map");
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
