package dev.eventbus.roles;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.autoconfigure.EventBusListenerAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusNamingAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusOutboxAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusProperties;
import dev.eventbus.autoconfigure.EventBusRelayAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusTransportAutoConfiguration;
import dev.eventbus.consume.Inbox;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.outbox.OutboxStore;
import dev.eventbus.provision.CachingTopicResolver;
import dev.eventbus.test.FauxqsEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service that only consumes: {@code @Listener} methods and no DataSource (no
 * DataSource auto-configuration, so no JPA either), against the emulator. Its events are
 * published by someone else: here a raw SNS publish in the envelope format.
 */
class ConsumerOnlyIntegrationTests {

	private static final JsonMapper JSON = new JsonMapper();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AwsAutoConfiguration.class,
				CredentialsProviderAutoConfiguration.class, RegionProviderAutoConfiguration.class,
				SnsAutoConfiguration.class, SqsAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, EventBusNamingAutoConfiguration.class,
				EventBusOutboxAutoConfiguration.class,
				EventBusTransportAutoConfiguration.class, EventBusRelayAutoConfiguration.class,
				EventBusListenerAutoConfiguration.class))
		.withPropertyValues(properties());

	private static String[] properties() {
		Map<String, String> properties = new LinkedHashMap<>(FauxqsEmulator.shared().springProperties());
		properties.put("spring.application.name", "it-consumer-only");
		properties.put("eventbus.publish.topic-prefix", "it-consumer-only-");
		properties.put("spring.cloud.aws.sqs.listener.poll-timeout", "1s");
		return properties.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	@Test
	void startsWithoutADataSourceAndItsListenerReceivesEventsPublishedToTheTopic() {
		this.runner.withUserConfiguration(PlainListenerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(javax.sql.DataSource.class)
				.doesNotHaveBean(EntityManagerFactory.class)
				.doesNotHaveBean(OutboxStore.class)
				.doesNotHaveBean(OutboxRelay.class)
				.doesNotHaveBean(Inbox.class)
				.hasSingleBean(EventBusProperties.class)
				.hasSingleBean(ListenerContainers.class);
			assertThat(context.getBean(ListenerContainers.class).queues()).hasSize(1);
			String topicArn = context.getBean(CachingTopicResolver.class).topicArn("CoParcel");
			List<String> ids = List.of("p-1", "p-2", "p-3");
			ids.forEach((id) -> publish(context.getBean(SnsClient.class), topicArn, id));
			PlainListener listener = context.getBean(PlainListener.class);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(listener.received).extracting(EntityEvent::entityId)
					.containsExactlyInAnyOrderElementsOf(ids));
			assertThat(listener.received).allSatisfy((event) -> {
				assertThat(event.channel()).isEqualTo("CoParcel");
				assertThat(event.action()).isEqualTo(Action.CREATED);
				assertThat(event.publisher()).isEqualTo("another-service");
				assertThat(event.payload()).containsEntry("id", event.entityId()).containsEntry("status", "SENT");
			});
		});
	}

	@Test
	void anIdempotentListenerWithoutADataSourceFailsStartUpNamingTheListenerAndTheFix() {
		this.runner.withUserConfiguration(IdempotentListenerConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(IdempotentListener.class.getName() + ".on(Map)")
				.contains("@Listener(idempotent = true)")
				.contains("needs a DataSource for the eventbus_inbox table");
			assertThat(analysis.getAction()).contains("spring.datasource.url")
				.contains("remove idempotent = true from its @Listener");
		});
	}

	@Test
	void allListenersIdempotentWithoutADataSourceFailsStartUpNamingTheProperty() {
		this.runner.withUserConfiguration(PlainListenerConfiguration.class)
			.withPropertyValues("eventbus.consume.idempotent=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("eventbus.consume.idempotent=true");
				assertThat(analysis.getAction()).contains("remove eventbus.consume.idempotent=true");
			});
	}

	/**
	 * As Spring Boot reports a failed start: the first registered analyzer that explains it
	 * (analyzers that need the bean factory are left out: none of eventbus's does).
	 */
	private static FailureAnalysis analyze(Throwable failure) {
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, (type, implementation, ex) -> {
			})) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("no failure analyzer explains " + failure);
	}

	private static void publish(SnsClient sns, String topicArn, String entityId) {
		String eventId = UUID.randomUUID().toString();
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("eventId", eventId);
		envelope.put("channel", "CoParcel");
		envelope.put("action", "created");
		envelope.put("entityType", "Parcel");
		envelope.put("entityId", entityId);
		envelope.put("occurredAt", Instant.now().toString());
		envelope.put("publisher", "another-service");
		envelope.put("version", 1);
		envelope.put("payload", Map.of("id", entityId, "status", "SENT"));
		sns.publish((request) -> request.topicArn(topicArn)
			.message(JSON.writeValueAsString(envelope))
			.messageAttributes(Map.of("channel", attribute("CoParcel"), "action", attribute("created"), "eventId",
					attribute(eventId), "publisher", attribute("another-service"))));
	}

	private static MessageAttributeValue attribute(String value) {
		return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
	}

	static class PlainListener {

		final List<EntityEvent<Map<String, Object>>> received = new CopyOnWriteArrayList<>();

		@Listener("CoParcel")
		void on(EntityEvent<Map<String, Object>> event) {
			this.received.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainListenerConfiguration {

		@Bean
		PlainListener plainListener() {
			return new PlainListener();
		}

	}

	static class IdempotentListener {

		@Listener(value = "CoParcel", idempotent = true)
		void on(Map<String, Object> parcel) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class IdempotentListenerConfiguration {

		@Bean
		IdempotentListener idempotentListener() {
			return new IdempotentListener();
		}

	}

}
