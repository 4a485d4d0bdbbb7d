package dev.eventbus.roles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import io.awspring.cloud.sqs.MessageExecutionThreadFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.autoconfigure.EventBusListenerAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusNamingAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusRelayAutoConfiguration;
import dev.eventbus.autoconfigure.EventBusTransportAutoConfiguration;
import dev.eventbus.consume.ListenerConfigurer;
import dev.eventbus.consume.ListenerInfo;
import dev.eventbus.message.EventMessage;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.test.FauxqsEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ListenerConfigurer} beans are called in order for each listener, with the listener's
 * id, channel, method and queue, and what they set applies to that listener's container only:
 * here a task executor of its own, seen in the name of the thread that runs the listener.
 */
class ListenerConfigurerIntegrationTests {

	private static final String CHANNEL = "LcParcel";

	private static final String THREAD_PREFIX = "lc-own-executor-";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AwsAutoConfiguration.class,
				CredentialsProviderAutoConfiguration.class, RegionProviderAutoConfiguration.class,
				SnsAutoConfiguration.class, SqsAutoConfiguration.class, EventBusNamingAutoConfiguration.class,
				EventBusTransportAutoConfiguration.class, EventBusRelayAutoConfiguration.class,
				EventBusListenerAutoConfiguration.class))
		.withPropertyValues(FauxqsEmulator.shared()
			.springProperties()
			.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue())
			.toArray(String[]::new))
		.withPropertyValues("spring.application.name=it-configurer", "eventbus.publish.topic-prefix=it-configurer-",
				"spring.cloud.aws.sqs.listener.poll-timeout=1s", "eventbus.consume.raw-delivery=true");

	@Test
	void configurersAreCalledInOrderForEachListenerAndApplyToItsContainerOnly() {
		this.runner.withUserConfiguration(ListenersConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			Calls calls = context.getBean(Calls.class);
			assertThat(calls.infos).extracting(ListenerInfo::id)
				.containsExactlyInAnyOrder("lc-own", "lc-own", "lc-default", "lc-default");
			assertThat(calls.infos).allSatisfy((info) -> assertThat(info.channel()).isEqualTo(CHANNEL));
			assertThat(calls.order).containsSubsequence("first:lc-own", "second:lc-own")
				.containsSubsequence("first:lc-default", "second:lc-default");
			ListenerInfo own = calls.of("lc-own");
			assertThat(own.method().getName()).isEqualTo("onOwn");
			assertThat(own.queueName()).isEqualTo("it-configurer-lc-own");
			SqsAsyncClient sqs = context.getBean(SqsAsyncClient.class);
			String ownId = send(sqs, own.queueName());
			String defaultId = send(sqs, calls.of("lc-default").queueName());
			Threads threads = context.getBean(Threads.class);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(threads.byEvent).containsKeys(ownId, defaultId));
			assertThat(threads.byEvent.get(ownId)).startsWith(THREAD_PREFIX);
			assertThat(threads.byEvent.get(defaultId)).doesNotStartWith(THREAD_PREFIX);
		});
	}

	private static String send(SqsAsyncClient sqs, String queueName) {
		String eventId = UUID.randomUUID().toString();
		String body = new EventMessageCodec().write(new EventMessage(eventId, CHANNEL, "created", "Parcel", "p-1",
				Instant.now(), "another-service", EventMessage.FORMAT_VERSION, null, Map.of("id", "p-1"), null));
		String url = sqs.getQueueUrl((request) -> request.queueName(queueName)).join().queueUrl();
		sqs.sendMessage((request) -> request.queueUrl(url).messageBody(body)).join();
		return eventId;
	}

	/** The configurers' calls. */
	static class Calls {

		final List<ListenerInfo> infos = new CopyOnWriteArrayList<>();

		final List<String> order = new CopyOnWriteArrayList<>();

		void record(String configurer, ListenerInfo listener) {
			this.infos.add(listener);
			this.order.add(configurer + ":" + listener.id());
		}

		ListenerInfo of(String id) {
			return this.infos.stream().filter((info) -> info.id().equals(id)).findFirst().orElseThrow();
		}

	}

	/** The thread each event was handled on. */
	static class Threads {

		final Map<String, String> byEvent = new ConcurrentHashMap<>();

		@Listener(value = CHANNEL, id = "lc-own")
		void onOwn(EntityEvent<Map<String, Object>> event) {
			this.byEvent.put(event.eventId(), Thread.currentThread().getName());
		}

		@Listener(value = CHANNEL, id = "lc-default")
		void onDefault(EntityEvent<Map<String, Object>> event) {
			this.byEvent.put(event.eventId(), Thread.currentThread().getName());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenersConfiguration {

		@Bean
		Calls calls() {
			return new Calls();
		}

		@Bean
		Threads threads() {
			return new Threads();
		}

		@Bean
		@Order(2)
		ListenerConfigurer secondConfigurer(Calls calls) {
			return (listener, options) -> calls.record("second", listener);
		}

		@Bean
		@Order(1)
		ListenerConfigurer firstConfigurer(Calls calls) {
			return (listener, options) -> {
				calls.record("first", listener);
				if (listener.id().equals("lc-own")) {
					MessageExecutionThreadFactory threads = new MessageExecutionThreadFactory();
					threads.setThreadNamePrefix(THREAD_PREFIX);
					options.componentsTaskExecutor(new SimpleAsyncTaskExecutor(threads));
				}
			};
		}

	}

}
