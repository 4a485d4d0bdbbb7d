package dev.eventbus.it.failure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.failure.provision.ProvisionApp;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.FauxqsEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, provisioning is idempotent: starting the same application a second time finds its
 * topic, queues, dead-letter queues and subscriptions and neither duplicates nor changes them.
 */
@EnableFauxqs
@ExtendWith(OutputCaptureExtension.class)
class ProvisioningIdempotencyIntegrationTests {

	private static final String PREFIX = "fx-prov-";

	private static final Set<QueueAttributeName> COUNTERS = Set.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
			QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
			QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

	/** What exists on SNS/SQS under the test's prefix. */
	record Resources(Map<String, Map<String, String>> topics, Map<String, Map<String, String>> queues,
			Map<String, Map<String, String>> subscriptions) {
	}

	@Test
	void secondStartWithTheSameNamesNeitherDuplicatesNorChangesTopicsQueuesOrSubscriptions(FauxqsEmulator emulator,
			CapturedOutput output) {
		Map<String, String> properties = TestApps.baseProperties(emulator, TestSchema.fresh("fx_provision"));
		properties.put("spring.application.name", "fx-prov");
		properties.put("eventbus.publish.topic-prefix", PREFIX);
		Resources first;
		try (ConfigurableApplicationContext context = TestApps.run(ProvisionApp.class, properties)) {
			first = resources(context);
		}
		assertThat(output.getAll()).contains("eventbus created SQS queue fx-prov-couponListeners-all");
		int secondStart = output.getAll().length();
		Resources second;
		try (ConfigurableApplicationContext context = TestApps.run(ProvisionApp.class, properties)) {
			second = resources(context);
		}

		assertThat(first.topics()).containsOnlyKeys(PREFIX + "Coupon");
		assertThat(first.queues()).containsOnlyKeys("fx-prov-couponListeners-all", "fx-prov-couponListeners-all-dlq",
				"fx-prov-couponListeners-deletes", "fx-prov-couponListeners-deletes-dlq",
				"fx-prov-couponListeners-changes", "fx-prov-couponListeners-changes-dlq");
		assertThat(first.subscriptions()).hasSize(3);
		assertThat(first.subscriptions().values()).extracting((attributes) -> attributes.get("FilterPolicy"))
			.containsExactlyInAnyOrder(null, "{\"action\":[\"deleted\"]}", "{\"action\":[\"updated\",\"deleted\"]}");
		assertThat(second).isEqualTo(first);
		String secondOutput = output.getAll().substring(secondStart);
		assertThat(secondOutput).contains("consumes channel 'Coupon' from queue fx-prov-couponListeners-all")
			.doesNotContain("eventbus created SQS queue")
			.doesNotContain("eventbus subscribed")
			.doesNotContain("eventbus updated the attributes")
			.doesNotContain("eventbus set filter policy");
	}

	private static Resources resources(ConfigurableApplicationContext context) {
		SnsClient sns = context.getBean(SnsClient.class);
		SqsAsyncClient sqs = context.getBean(SqsAsyncClient.class);
		Map<String, Map<String, String>> topics = new TreeMap<>();
		Map<String, Map<String, String>> subscriptions = new TreeMap<>();
		for (Topic topic : sns.listTopicsPaginator().topics()) {
			String name = topic.topicArn().substring(topic.topicArn().lastIndexOf(':') + 1);
			if (!name.startsWith(PREFIX)) {
				continue;
			}
			topics.put(name, new TreeMap<>(sns.getTopicAttributes((r) -> r.topicArn(topic.topicArn())).attributes()));
			for (Subscription subscription : sns.listSubscriptionsByTopicPaginator((r) -> r.topicArn(topic.topicArn()))
				.subscriptions()) {
				Map<String, String> attributes = new TreeMap<>(sns
					.getSubscriptionAttributes((r) -> r.subscriptionArn(subscription.subscriptionArn()))
					.attributes());
				attributes.put("protocol", subscription.protocol());
				attributes.put("arn", subscription.subscriptionArn());
				subscriptions.merge(subscription.endpoint(), attributes, (a, b) -> {
					throw new AssertionError("two subscriptions of " + subscription.endpoint());
				});
			}
		}
		Map<String, Map<String, String>> queues = new TreeMap<>();
		List<String> urls = sqs.listQueues((r) -> r.queueNamePrefix(PREFIX)).join().queueUrls();
		for (String url : urls) {
			Map<String, String> attributes = sqs
				.getQueueAttributes((r) -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))
				.join()
				.attributes()
				.entrySet()
				.stream()
				.filter((attribute) -> !COUNTERS.contains(attribute.getKey()))
				.collect(Collectors.toMap((attribute) -> attribute.getKey().toString(), Map.Entry::getValue,
						(a, b) -> a, TreeMap::new));
			assertThat(queues.put(url.substring(url.lastIndexOf('/') + 1), attributes)).as("queue %s listed twice", url)
				.isNull();
		}
		return new Resources(topics, queues, subscriptions);
	}

}
