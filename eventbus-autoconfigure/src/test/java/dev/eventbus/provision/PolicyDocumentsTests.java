package dev.eventbus.provision;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, item 3: the policy documents are written as before (so a second start against
 * resources made by an earlier version changes nothing), now in one place.
 */
class PolicyDocumentsTests {

	private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:shop-listener";

	private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:shop-Order";

	@Test
	void queuePolicyLetsOnlyTheChannelsTopicSend() {
		assertThat(PolicyDocuments.queuePolicy(QUEUE, TOPIC))
			.isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"eventbus-topic-only\",\"Effect\":\"Allow\","
					+ "\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\""
					+ QUEUE + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + TOPIC + "\"}}}]}");
	}

	@Test
	void redrivePolicyWritesTheMaxReceiveCountAsANumber() {
		assertThat(PolicyDocuments.redrivePolicy(QUEUE + "-dlq", 5))
			.isEqualTo("{\"deadLetterTargetArn\":\"" + QUEUE + "-dlq\",\"maxReceiveCount\":5}");
	}

	@Test
	void documentsCompareWithoutSpacesAndAnEmptyOneIsNone() {
		assertThat(PolicyDocuments.same("{\"action\":[\"created\"]}", "{\"action\": [\"created\"]}")).isTrue();
		assertThat(PolicyDocuments.same("{\"action\":[\"created\"]}", "{\"action\":[\"deleted\"]}")).isFalse();
		assertThat(PolicyDocuments.same("{}", null)).isTrue();
		assertThat(PolicyDocuments.same("", "{}")).isTrue();
	}

}
