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
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * Issue 3, provisioning is idempotent: starting the same application a second time finds its
 * topic, queues, dead-letter queues and subscriptions and neither duplicates nor changes them.
 * {@link ProvisioningIdempotencyMotoIntegrationTests} runs the same tests against moto.
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

	private static final String ALL_ACTIONS = "{\"action\":[\"created\",\"updated\",\"deleted\"]}";

	/**
	 * The Spring properties of the SNS/SQS endpoint the tests run against.
	 * @return the properties
	 */
	Map<String, String> endpoint() {
		return FauxqsEmulator.shared().springProperties();
	}

	@Test
	void secondStartWithTheSameNamesNeitherDuplicatesNorChangesTopicsQueuesOrSubscriptions(CapturedOutput output) {
		Map<String, String> properties = TestApps.baseProperties(endpoint(), TestSchema.fresh("fx_provision"));
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
			.containsExactlyInAnyOrder(ALL_ACTIONS, "{\"action\":[\"deleted\"]}",
					"{\"action\":[\"updated\",\"deleted\"]}");
		assertThat(second).isEqualTo(first);
		String secondOutput = output.getAll().substring(secondStart);
		assertThat(secondOutput).contains("consumes channel 'Coupon' from queue fx-prov-couponListeners-all")
			.doesNotContain("eventbus created SQS queue")
			.doesNotContain("eventbus subscribed")
			.doesNotContain("eventbus updated the attributes")
			.doesNotContain("eventbus set filter policy");
	}

	/**
	 * Issue 7: a listener that names no actions gets a filter policy with the actions it can bind;
	 * a subscription that an older version made without one gets it on the next start, once.
	 */
	@Test
	void subscriptionWithoutFilterPolicyFromAnOlderVersionGetsTheDefaultPolicyOnce(CapturedOutput output) {
		Map<String, String> properties = TestApps.properties(endpoint(), TestSchema.fresh("fx_provision_old"), "fx-old-prov");
		String queueArn;
		try (ConfigurableApplicationContext context = TestApps.run(ProvisionApp.class, properties)) {
			SnsClient sns = context.getBean(SnsClient.class);
			Subscription subscription = subscriptionOf(sns, "fx-old-prov-couponListeners-all");
			queueArn = subscription.endpoint();
			// what an older version left behind: the same subscription without a filter policy
			sns.unsubscribe((r) -> r.subscriptionArn(subscription.subscriptionArn()));
			sns.subscribe((r) -> r.topicArn(subscription.topicArn()).protocol("sqs").endpoint(queueArn));
			assertThat(sns.getSubscriptionAttributes((r) -> r.subscriptionArn(subscriptionOf(sns,
					"fx-old-prov-couponListeners-all").subscriptionArn())).attributes()).doesNotContainKey("FilterPolicy");
		}
		int secondStart = output.getAll().length();
		try (ConfigurableApplicationContext context = TestApps.run(ProvisionApp.class, properties)) {
			SnsClient sns = context.getBean(SnsClient.class);
			assertThat(sns.getSubscriptionAttributes((r) -> r.subscriptionArn(subscriptionOf(sns,
					"fx-old-prov-couponListeners-all").subscriptionArn())).attributes())
				.containsEntry("FilterPolicy", ALL_ACTIONS);
		}
		int thirdStart = output.getAll().length();
		try (ConfigurableApplicationContext context = TestApps.run(ProvisionApp.class, properties)) {
			assertThat(subscriptionOf(context.getBean(SnsClient.class), "fx-old-prov-couponListeners-all").endpoint())
				.isEqualTo(queueArn);
		}

		assertThat(output.getAll().substring(secondStart, thirdStart).lines()
			.filter((line) -> line.contains("eventbus set filter policy")))
			.singleElement(STRING)
			.endsWith(" to " + ALL_ACTIONS);
		assertThat(output.getAll().substring(thirdStart)).contains("consumes channel 'Coupon'")
			.doesNotContain("eventbus set filter policy")
			.doesNotContain("eventbus subscribed")
			.doesNotContain("eventbus updated the attributes");
	}

	private static Subscription subscriptionOf(SnsClient sns, String queueName) {
		List<Subscription> found = sns.listSubscriptionsPaginator()
			.subscriptions()
			.stream()
			.filter((subscription) -> subscription.endpoint().endsWith(":" + queueName))
			.toList();
		assertThat(found).as("subscriptions of %s", queueName).hasSize(1);
		return found.get(0);
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
