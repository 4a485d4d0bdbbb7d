package dev.eventbus.operations;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a peek reads of a dead letter's body: the event inside an SNS notification, a bare envelope,
 * nothing of a body that is no event.
 */
class DeadLetterSampleTests {

	private static final String EVENT = "{\"eventId\":\"e-1\",\"channel\":\"Order\",\"action\":\"created\"}";

	@Test
	void readsTheEventInsideAnSnsNotification() {
		String body = "{\"Type\":\"Notification\",\"Message\":" + quoted(EVENT) + "}";
		assertThat(DeadLetterSample.of(message(body))).isEqualTo(new DeadLetterSample("m-1", "e-1", "Order", "created"));
	}

	@Test
	void readsABareEnvelope() {
		assertThat(DeadLetterSample.of(message(EVENT))).isEqualTo(new DeadLetterSample("m-1", "e-1", "Order", "created"));
	}

	@Test
	void aBodyThatIsNoEventGivesOnlyTheMessageId() {
		assertThat(DeadLetterSample.of(message("not json"))).isEqualTo(new DeadLetterSample("m-1", null, null, null));
		assertThat(DeadLetterSample.of(message("[1]"))).isEqualTo(new DeadLetterSample("m-1", null, null, null));
	}

	private static Message message(String body) {
		return Message.builder().messageId("m-1").body(body).build();
	}

	private static String quoted(String json) {
		return "\"" + json.replace("\"", "\\\"") + "\"";
	}

}
