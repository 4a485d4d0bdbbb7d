package dev.eventbus.roles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import dev.eventbus.test.Queues;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.autoconfigure.EventBusListenerAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusNamingAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusOutboxAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusRelayAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusTransportAutoConfiguration;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.provision.CachingTopicResolver;
import dev.eventbus.roles.publisher.PublisherEntities;
import dev.eventbus.test.FauxqsEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service that only publishes: entities and no {@code @Listener}, on PostgreSQL and the
 * emulator. What it publishes is read from a queue the test subscribes to the topic.
 */
class PublisherOnlyIntegrationTests {

	private static final JsonMapper JSON = new JsonMapper();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, AwsAutoConfiguration.class,
				CredentialsProviderAutoConfiguration.class, RegionProviderAutoConfiguration.class,
				SnsAutoConfiguration.class, SqsAutoConfiguration.class, EventBusNamingAutoConfiguration.class,
				EventBusOutboxAutoConfiguration.class,
				EventBusTransportAutoConfiguration.class, EventBusRelayAutoConfiguration.class,
				EventBusListenerAutoConfiguration.class))
		.withUserConfiguration(PublisherEntities.class)
		.withPropertyValues(properties());

	private static String[] properties() {
		Map<String, String> properties = new LinkedHashMap<>(FauxqsEmulator.shared().springProperties());
		properties.put("spring.datasource.url", TestSchema.fresh("it_publisher_only"));
		properties.put("spring.datasource.username", TestSchema.USER);
		properties.put("spring.jpa.hibernate.ddl-auto", "create-drop");
		properties.put("eventbus.outbox.initialize-schema", "always");
		properties.put("spring.application.name", "it-publisher-only");
		properties.put("eventbus.publish.topic-prefix", "it-publisher-only-");
		return properties.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	@Test
	void withoutListenersItProvisionsItsTopicsAndPublishesEveryCommittedChange() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(OutboxRelay.class);
			assertThat(context.getBean(ListenerContainers.class).queues()).isEmpty();
			String topicArn = context.getBean(CachingTopicResolver.class).topicArn("PoInvoice");
			SqsAsyncClient sqs = context.getBean(SqsAsyncClient.class);
			String queueUrl = subscribedQueue(context.getBean(SnsClient.class), sqs, topicArn);
			for (long id = 1; id <= 3; id++) {
				persist(context, invoice(id));
			}
			List<JsonNode> received = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (Message message : sqs.receiveMessage((r) -> r.queueUrl(queueUrl).maxNumberOfMessages(10))
					.join()
					.messages()) {
					received.add(JSON.readTree(message.body()));
				}
				return received.size() >= 3;
			});
			assertThat(received).extracting((event) -> event.get("entityId").asString())
				.containsExactlyInAnyOrder("1", "2", "3");
			assertThat(received).allSatisfy((event) -> {
				assertThat(event.get("channel").asString()).isEqualTo("PoInvoice");
				assertThat(event.get("publisher").asString()).isEqualTo("it-publisher-only");
				assertThat(event.get("payload").get("status").asString()).isEqualTo("OPEN");
				assertThat(event.get("payload").has("iban")).isFalse();
			});
		});
	}

	private static PublisherEntities.Invoice invoice(long id) {
		PublisherEntities.Invoice invoice = new PublisherEntities.Invoice();
		invoice.id = id;
		invoice.status = "OPEN";
		invoice.iban = "DE00 SECRET";
		return invoice;
	}

	/** A queue of the test's own with raw delivery: its bodies are the envelopes. */
	private static String subscribedQueue(SnsClient sns, SqsAsyncClient sqs, String topicArn) {
		String queueUrl = sqs.createQueue((r) -> r.queueName("it-publisher-only-probe")).join().queueUrl();
		sqs.purgeQueue((r) -> r.queueUrl(queueUrl)).join();
		String queueArn = Queues.arn(sqs, queueUrl);
		sns.subscribe((r) -> r.topicArn(topicArn)
			.protocol("sqs")
			.endpoint(queueArn)
			.attributes(Map.of("RawMessageDelivery", "true")));
		return queueUrl;
	}

	private static void persist(ApplicationContext context, Object entity) {
		EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
		new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(
				(status) -> EntityManagerFactoryUtils.getTransactionalEntityManager(emf).persist(entity));
	}

}
