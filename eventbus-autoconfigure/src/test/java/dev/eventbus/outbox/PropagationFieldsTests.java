package dev.eventbus.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.eventbus.transport.OutgoingMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Second read of the observation change, findings 4 and 11: the propagation fields fit SNS's
 * limits in bytes as well as in count, {@code traceparent} and {@code tracestate} are the last
 * to go, and empty values are never sent.
 */
@ExtendWith(OutputCaptureExtension.class)
class PropagationFieldsTests {

	private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private final PropagationFields fields = new PropagationFields();

	@Test
	void fieldsThatFitAreSentWithoutEmptyValues() {
		OutgoingMessage message = message("{}");
		Map<String, String> carrier = carrier(message, Map.of("traceparent", TRACEPARENT, "tracestate", ""));
		assertThat(this.fields.fit(message, carrier).attributes()).containsEntry("traceparent", TRACEPARENT)
			.doesNotContainKey("tracestate")
			.hasSize(3);
	}

	@Test
	void pastTenAttributesTheOtherFieldsGoFirstAndTheTraceStays(CapturedOutput output) {
		OutgoingMessage message = message("{}");
		Map<String, String> added = new LinkedHashMap<>();
		for (int i = 1; i <= 7; i++) {
			added.put("baggage-" + i, "value");
		}
		added.put("traceparent", TRACEPARENT);
		added.put("tracestate", "vendor=1");
		assertThat(this.fields.fit(message, carrier(message, added)).attributes()).containsOnlyKeys("channel",
				"eventId", "traceparent", "tracestate");
		assertThat(output).contains("kept [traceparent, tracestate]");
	}

	@Test
	void aBodyThatFitsAloneIsSentWithoutTheFieldsThatWouldPassTheByteLimit(CapturedOutput output) {
		OutgoingMessage bare = message("");
		int attributes = (int) (bare.attributes().entrySet().stream()
			.mapToLong((attribute) -> attribute.getKey().length() + "String".length() + attribute.getValue().length())
			.sum());
		OutgoingMessage message = message("x".repeat(PropagationFields.MAX_MESSAGE_BYTES - attributes - 10));
		Map<String, String> carrier = carrier(message, Map.of("traceparent", TRACEPARENT));
		assertThat(this.fields.fit(message, carrier)).as("sent as it was, not refused by SNS").isSameAs(message);
		assertThat(output).contains("262144 bytes SNS accepts").contains("kept []");
	}

	private static OutgoingMessage message(String body) {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("channel", "Order");
		attributes.put("eventId", "e-1");
		return new OutgoingMessage(UUID.randomUUID(), new OutgoingMessage.Destination("Order", "shop-Order"),
				"Order:1", body, attributes);
	}

	private static Map<String, String> carrier(OutgoingMessage message, Map<String, String> added) {
		Map<String, String> carrier = new LinkedHashMap<>(message.attributes());
		carrier.putAll(added);
		return carrier;
	}

}
