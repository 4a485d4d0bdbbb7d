package dev.eventbus.consume;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link DeadLetterSender} fits the reason into what is left of the SQS message size.
 */
class DeadLetterSenderTests {

	@Test
	void reasonThatFitsIsSentAsItIs() {
		assertThat(DeadLetterSender.fit("body is not JSON", 100)).isEqualTo("body is not JSON");
		assertThat(DeadLetterSender.fit("body is not JSON", 16)).isEqualTo("body is not JSON");
	}

	@Test
	void reasonThatIsTooLongIsCutToTheRoomLeftAndEndsWithDots() {
		String fitted = DeadLetterSender.fit("payload does not convert to OrderView", 20);

		assertThat(fitted).isEqualTo("payload does not ...");
		assertThat(fitted.getBytes(StandardCharsets.UTF_8)).hasSize(20);
	}

	@Test
	void reasonIsCutAtACharacterBoundaryCountingUtf8Bytes() {
		String fitted = DeadLetterSender.fit("\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc", 8);

		assertThat(fitted).isEqualTo("\u00fc\u00fc...");
		assertThat(fitted.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(8);
		assertThat(DeadLetterSender.fit("\uD83D\uDE00\uD83D\uDE00", 7)).isEqualTo("\uD83D\uDE00...");
		assertThat(DeadLetterSender.fit("\uD83D\uDE00\uD83D\uDE00", 8)).isEqualTo("\uD83D\uDE00\uD83D\uDE00");
	}

	@Test
	void noRoomForOneCharacterMeansNoAttribute() {
		assertThat(DeadLetterSender.fit("body is not JSON", 0)).isNull();
		assertThat(DeadLetterSender.fit("body is not JSON", -20)).isNull();
		assertThat(DeadLetterSender.fit("body is not JSON", 1)).isEqualTo("b");
	}

	@Test
	void reasonIsNeverLongerThanTheCapEvenWithRoomToSpare() {
		String fitted = DeadLetterSender.fit("x".repeat(5_000), 1_000_000);

		assertThat(fitted.getBytes(StandardCharsets.UTF_8)).hasSize(DeadLetterSender.MAX_REASON_BYTES);
		assertThat(fitted).endsWith("...");
	}

	@Test
	void charactersSqsRejectsBecomeQuestionMarks() {
		assertThat(DeadLetterSender.fit("bad \u0001 char \uD800 here", 100)).isEqualTo("bad ? char ? here");
	}

}
